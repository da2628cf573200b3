package se.alfmonitor.assessment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.assessment.simulation.SimulationCsv;
import se.alfmonitor.assessment.simulation.Simulations;
import se.alfmonitor.assessment.simulation.Simulations.SimulationRequest;
import se.alfmonitor.assessment.simulation.Simulations.SimulationSummary;
import se.alfmonitor.assessment.simulation.Simulations.SimulationView;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** What a candidate rule set would change in a campaign, computed without publishing anything. */
@Path("/api/rule-sets/{candidate}/simulations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Simulations", description = "What a candidate rule set would change in a campaign, publishing nothing")
public class SimulationResource {

    private final Simulations simulations;
    private final Caller caller;

    public SimulationResource(Simulations simulations, Caller caller) {
        this.simulations = simulations;
        this.caller = caller;
    }

    /** 202 with the simulation RUNNING; its Location shows the progress and then the result. */
    @POST
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Simulate a candidate rule set on a campaign", description = "202 with the simulation "
            + "RUNNING; its Location shows the progress and then the result.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SimulationSummary.class)))
    @APIResponse(responseCode = "404", description = "RULE_SET_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: REQUIRED_MISSING (campaignId)")
    @APIResponse(responseCode = "503", description = "SIMULATION_QUEUE_FULL: too many simulations running; try again "
            + "later")
    public Response start(@PathParam("candidate") String candidate, SimulationRequest request) {
        SimulationSummary started = simulations.start(candidate, request, caller.name());
        return Response.accepted(started)
                .location(URI.create("/api/rule-sets/" + candidate + "/simulations/" + started.id())).build();
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Simulations of a candidate")
    public List<SimulationSummary> list(@PathParam("candidate") String candidate) {
        return simulations.list(candidate);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "One simulation", description = "Progress while RUNNING; when DONE the compliance matrix "
            + "before and after, its delta and the changed units.")
    @APIResponse(responseCode = "200", description = "One simulation")
    @APIResponse(responseCode = "404", description = "SIMULATION_NOT_FOUND")
    public SimulationView get(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        return simulations.get(candidate, id);
    }

    @GET
    @Path("/{id}/changes.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "The changed units as CSV", description = "A cell starting with =, +, -, @, tab or carriage "
            + "return is prefixed with an apostrophe.")
    @APIResponse(responseCode = "200", description = "unitId, level, from, to and the candidate's explanation per "
            + "line", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "SIMULATION_NOT_FOUND")
    public Response changes(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        return Response.ok(SimulationCsv.write(simulations.changes(candidate, id)))
                .header("Content-Disposition", "attachment; filename=\"simulation-" + id + "-changes.csv\"")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a finished simulation")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "SIMULATION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SIMULATION_RUNNING: it has not finished")
    public Response delete(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        simulations.delete(candidate, id);
        return Response.noContent().build();
    }
}
