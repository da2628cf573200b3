package se.alfmonitor.indicator.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.indicators.Recompute;

@Path("/api/recompute")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator actions")
public class RecomputeResource {

    private final Recompute recompute;

    public RecomputeResource(Recompute recompute) {
        this.recompute = recompute;
    }

    /** Rebuilds every value from the stored inputs; only values that change are stored and published. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute every value", description = "Rebuilds every value from the stored inputs; only "
            + "values that change are stored and published.")
    public Recompute.Result all() {
        return recompute.all();
    }
}
