package se.alfmonitor.survey.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.domain.UnitService;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitService units;
    private final Caller caller;

    public UnitResource(UnitService units, Caller caller) {
        this.units = units;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public List<UnitDto> list(@QueryParam("regionCode") @Pattern(regexp = "\\d{2}") String regionCode) {
        return units.list(caller.scopeRegion(regionCode).orElse(null));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
            @NotNull @Valid UnitDto unit) {
        boolean created = units.put(id, unit, caller.name());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(units.get(id))
                .build();
    }
}
