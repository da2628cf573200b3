package se.alfmonitor.assessment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
    public Response start(@PathParam("candidate") String candidate, SimulationRequest request) {
        SimulationSummary started = simulations.start(candidate, request, caller.name());
        return Response.accepted(started)
                .location(URI.create("/api/rule-sets/" + candidate + "/simulations/" + started.id())).build();
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public List<SimulationSummary> list(@PathParam("candidate") String candidate) {
        return simulations.list(candidate);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public SimulationView get(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        return simulations.get(candidate, id);
    }

    @GET
    @Path("/{id}/changes.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public Response changes(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        return Response.ok(SimulationCsv.write(simulations.changes(candidate, id)))
                .header("Content-Disposition", "attachment; filename=\"simulation-" + id + "-changes.csv\"")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("candidate") String candidate, @PathParam("id") UUID id) {
        simulations.delete(candidate, id);
        return Response.noContent().build();
    }
}
