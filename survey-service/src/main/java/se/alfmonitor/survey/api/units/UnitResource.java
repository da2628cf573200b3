package se.alfmonitor.survey.api.units;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
import se.alfmonitor.survey.units.UnitService;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The registry of university healthcare units (USVE)")
public class UnitResource {

    private final UnitService units;
    private final Caller caller;

    public UnitResource(UnitService units, Caller caller) {
        this.units = units;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The unit registry", description = "A reporter sees its own region only.")
    @APIResponse(responseCode = "200", description = "Units ordered by id")
    @APIResponse(responseCode = "403", description = "A reporter asking for another region")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public List<UnitDto> list(@QueryParam("regionCode") @Pattern(regexp = "\\d{2}") String regionCode) {
        return units.list(caller.scopeRegion(regionCode).orElse(null)).stream().map(UnitDto::from).toList();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a unit", description = "Published on alf.units.v1. The host region may be "
            + "any county; the designating region one of the seven ALF regions. Ids starting with REGION- are "
            + "reserved for region-level questionnaires.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit",
            value = """
                    {"name": "Kliniken för onkologi, Karolinska Solna", "regionCode": "01", "hostRegionCode": "01",
                     "provider": "OWN_REGION", "designatedYear": 2016, "directPatientContact": true, "active": true}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the body: "
            + "REQUIRED_MISSING, WRONG_TYPE, UNKNOWN_REGION, INVALID_OPTION, OUT_OF_RANGE, RESERVED_UNIT_ID, "
            + "INVALID_ID")
    public Response put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
            @NotNull @Valid UnitDto unit) {
        boolean created = units.put(id, UnitDto.toUnit(unit), caller.name());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(UnitDto.from(units.get(id)))
                .build();
    }
}
