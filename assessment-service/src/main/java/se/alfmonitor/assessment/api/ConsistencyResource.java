package se.alfmonitor.assessment.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Consistency", description = "The service's own invariant: every latest assessment up to date")
public class ConsistencyResource {

    private final ConsistencyCheck check;

    public ConsistencyResource(ConsistencyCheck check) {
        this.check = check;
    }

    /** Every unit whose latest assessment is behind its received revision, decisions or overrides, with why. */
    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Units whose assessment is behind", description = "Every unit whose latest assessment is "
            + "behind its received revision, decisions or overrides, with the reasons.")
    public Report check() {
        return check.check();
    }

    /** Applies to each inconsistent unit what it is behind, then checks again. */
    @POST
    @Path("/repair")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Repair inconsistent units", description = "Applies to each inconsistent unit what it is "
            + "behind, then checks again.")
    public RepairResult repair() {
        return check.repair();
    }
}
