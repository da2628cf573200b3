package se.alfmonitor.contract.security;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import se.alfmonitor.contract.problem.ProblemException;

/** Who is calling, with the region scoping rules of the contract. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The name recorded in audit trails: the user name, or the client id of a service account. */
    public String name() {
        String preferred = token.getClaim("preferred_username");
        if (preferred != null) {
            return preferred;
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The region a reporter is bound to, if the token carries one. */
    public Optional<String> regionCode() {
        Object claim = token.getClaim(Roles.REGION_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    /**
     * Whether the caller sees only one region's data: true for a reporter that holds none of the national roles.
     */
    public boolean isRegionBound() {
        return hasRole(Roles.REPORTER) && !hasRole(Roles.ADMIN) && !hasRole(Roles.ASSESSOR)
                && !hasRole(Roles.MONITOR);
    }

    /**
     * Fails with 403 unless the caller may act on data of {@code regionCode}: national roles may, a reporter only in
     * the region of its token.
     */
    public void requireRegion(String regionCode) {
        if (!isRegionBound()) {
            return;
        }
        String own = regionCode().orElseThrow(() -> ProblemException.forbidden("REGION_CLAIM_MISSING",
                "The token has no " + Roles.REGION_CLAIM + " claim"));
        if (!own.equals(regionCode)) {
            throw ProblemException.forbidden("OTHER_REGION", "This belongs to another region");
        }
    }

    /** The region filter to apply to a listing: the caller's own region when region-bound, otherwise the request's. */
    public Optional<String> scopeRegion(String requested) {
        if (!isRegionBound()) {
            return Optional.ofNullable(requested);
        }
        String own = regionCode().orElseThrow(() -> ProblemException.forbidden("REGION_CLAIM_MISSING",
                "The token has no " + Roles.REGION_CLAIM + " claim"));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("OTHER_REGION", "You may only read your own region");
        }
        return Optional.of(own);
    }
}
