package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.response.Response;

/**
 * Access tokens from the real {@code alf-monitor} realm: the regions' service accounts and the national monitor by
 * client credentials, people by password through the dashboard client, as the realm file defines them.
 */
public final class RealmTokens {

    private record Cached(String token, Instant expires) {
    }

    private final String tokenUrl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    RealmTokens(String realmUrl) {
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    /** The service account of an ALF region's IT system: role reporter, claim region_code. */
    public String region(String regionCode) {
        return clientCredentials("region-" + regionCode, "region-" + regionCode + "-secret");
    }

    public String nationalMonitor() {
        return clientCredentials("national-monitor", "national-monitor-secret");
    }

    /** Prometheus's service account: role metrics, which reads /q/metrics and nothing else. */
    public String prometheus() {
        return clientCredentials("prometheus", "prometheus-secret");
    }

    /** A person of the realm: assessor, admin, monitor, viewer or reporter-01. */
    public String user(String username) {
        return cached("user:" + username, () -> given().formParams(Map.of("grant_type", "password",
                "client_id", "dashboard", "username", username, "password", username + "-demo"))
                .post(tokenUrl));
    }

    /**
     * A token of another client of the realm (registered by {@link KeycloakServer#registerOtherClient}): valid, of this realm,
     * with role admin, but not issued for the suite's services.
     */
    public String otherClient() {
        return clientCredentials(Suite.OTHER_CLIENT, Suite.OTHER_CLIENT + "-secret");
    }

    private String clientCredentials(String clientId, String secret) {
        return cached("client:" + clientId, () -> given().formParams(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret))
                .post(tokenUrl));
    }

    private String cached(String key, java.util.function.Supplier<Response> request) {
        Cached hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(Instant.now().plusSeconds(30))) {
            return hit.token();
        }
        Response response = request.get();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + key + ": " + response.statusCode() + " "
                    + response.asString());
        }
        String token = response.path("access_token");
        int expiresIn = response.path("expires_in");
        cache.put(key, new Cached(token, Instant.now().plusSeconds(expiresIn)));
        return token;
    }
}
