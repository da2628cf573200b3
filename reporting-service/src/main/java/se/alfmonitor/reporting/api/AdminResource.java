package se.alfmonitor.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.messaging.ReadModelRebuild;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ReadModelRebuild rebuild;

    public AdminResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Empties the read models and replays the topics from their beginning; answers when done. */
    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
