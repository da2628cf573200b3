package se.alfmonitor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like the {@code alf-monitor} Keycloak realm's: realm roles in {@code realm_access.roles}, the
 * reporter's region in {@code region_code}, signed with the test OIDC server's key, so tests exercise the same
 * claim mapping as production.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audiences the realm's clients put in their tokens: one per service (an audience mapper each). */
    public static final Set<String> SERVICES = Set.of("survey-service", "assessment-service", "indicator-service",
            "reporting-service");
    /** The test OIDC server artifact's key (quarkus-test-oidc-server), on the class path. */
    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    /**
     * The public half of the signing key, base64 DER (X.509 SubjectPublicKeyInfo), as {@code quarkus.oidc.public-key}
     * takes it.
     */
    public static String publicKey() {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(SIGNING_KEY)) {
            if (in == null) {
                throw new IllegalStateException("No " + SIGNING_KEY + " on the class path");
            }
            JsonNode jwk = new ObjectMapper().readTree(in);
            Base64.Decoder url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, url.decode(jwk.path("n").asText())),
                    new BigInteger(1, url.decode(jwk.path("e").asText())));
            return Base64.getEncoder().encodeToString(KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A regional IT system's service account: role {@code reporter}, bound to {@code regionCode}. */
    public static String reporter(String regionCode) {
        return token("service-account-region-" + regionCode, Set.of("reporter"), regionCode);
    }

    public static String assessor() {
        return token("assessor", Set.of("assessor"), null);
    }

    public static String monitor() {
        return token("service-account-national-monitor", Set.of("monitor"), null);
    }

    public static String viewer() {
        return token("viewer", Set.of("viewer"), null);
    }

    public static String admin() {
        return token("admin", Set.of("admin"), null);
    }

    /** A token with any roles and, if not null, a region claim. */
    public static String token(String username, Set<String> roles, String regionCode) {
        return token(username, roles, regionCode, SERVICES, 3600);
    }

    /**
     * A valid token of the realm with every role, issued for another client of the realm: its audience names no
     * service. Every service must refuse it.
     */
    public static String forAnotherClient() {
        return token("service-account-other-application", Set.of("reporter", "assessor", "monitor", "viewer", "admin"),
                "01", Set.of("account", "other-application"), 3600);
    }

    /** A token of {@code roles} that expires in {@code seconds}. */
    public static String expiringIn(long seconds, String username, Set<String> roles) {
        return token(username, roles, null, SERVICES, seconds);
    }

    private static String token(String username, Set<String> roles, String regionCode, Set<String> audience,
            long lifetimeSeconds) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(ISSUER)
                .subject(username)
                .claim("preferred_username", username)
                .claim("typ", "Bearer")
                .claim("azp", "alf-monitor-tests")
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .expiresIn(lifetimeSeconds);
        if (regionCode != null) {
            claims.claim("region_code", regionCode);
        }
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }

    /** The same as {@link #token} but already expired. */
    public static String expired(Set<String> roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .subject("expired")
                .audience(SERVICES)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200)
                .expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .jws().keyId("1").sign(SIGNING_KEY);
    }
}
