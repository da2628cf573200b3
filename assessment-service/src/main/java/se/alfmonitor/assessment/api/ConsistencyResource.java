package se.alfmonitor.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.assessment.consistency.ConsistencyCheck;
import se.alfmonitor.assessment.consistency.ConsistencyCheck.RepairResult;
import se.alfmonitor.assessment.consistency.ConsistencyCheck.Report;
import se.alfmonitor.contract.security.Roles;

/** The assessments' invariant, checked now, and its repair ({@link ConsistencyCheck}). */
@Path("/api/admin/consistency")
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

    private final ConsistencyCheck check;

    public ConsistencyResource(ConsistencyCheck check) {
        this.check = check;
    }

    /** Every unit whose latest assessment is behind its received revision, decisions or overrides, with why. */
    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.ADMIN })
    public Report check() {
        return check.check();
    }

    /** Applies to each inconsistent unit what it is behind, then checks again. */
    @POST
    @Path("/repair")
    @RolesAllowed(Roles.ADMIN)
    public RepairResult repair() {
        return check.repair();
    }
}
