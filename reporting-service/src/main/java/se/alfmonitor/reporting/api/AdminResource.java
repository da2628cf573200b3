package se.alfmonitor.reporting.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.messaging.ReadModelRebuild;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Operator actions")
public class AdminResource {

    private final ReadModelRebuild rebuild;

    public AdminResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Empties the read models and replays the topics from their beginning; answers when done. */
    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the read models", description = "Empties the read models and replays the three "
            + "topics from their beginning; answers when done.")
    @APIResponse(responseCode = "200", description = "Records read per topic, applied and skipped")
    @APIResponse(responseCode = "409", description = "REBUILD_RUNNING: a rebuild is under way")
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
