package se.alfmonitor.indicator.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.indicators.Recompute;

@Path("/api/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class RecomputeResource {

    private final Recompute recompute;

    public RecomputeResource(Recompute recompute) {
        this.recompute = recompute;
    }

    /** Rebuilds every value from the stored inputs; only values that change are stored and published. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Recompute.Result all() {
        return recompute.all();
    }
}
