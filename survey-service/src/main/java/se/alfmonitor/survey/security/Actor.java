package se.alfmonitor.survey.security;

import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/**
 * Who performs a change, as the services see it: the name written to the audit history and, for a reporter, the one
 * region it may act in. Services take an actor instead of the request-scoped caller so that the demo data loader
 * at startup goes through the same methods.
 *
 * @param boundRegion the only region the actor may act in, or null for national roles and the system itself
 */
public record Actor(String name, String boundRegion) {

    public static Actor of(Caller caller) {
        if (!caller.isRegionBound()) {
            return new Actor(caller.name(), null);
        }
        String region = caller.regionCode().orElseThrow(() -> ProblemException.forbidden("REGION_CLAIM_MISSING",
                "The token has no " + Roles.REGION_CLAIM + " claim"));
        return new Actor(caller.name(), region);
    }

    public static Actor system(String name) {
        return new Actor(name, null);
    }

    /** 403 unless the actor may act on data of {@code regionCode}. */
    public void requireRegion(String regionCode) {
        if (boundRegion != null && !boundRegion.equals(regionCode)) {
            throw ProblemException.forbidden("OTHER_REGION", "This belongs to another region");
        }
    }

    public boolean mayActIn(String regionCode) {
        return boundRegion == null || boundRegion.equals(regionCode);
    }
}
