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
import se.alfmonitor.survey.api.RegistryChangeDto;
import se.alfmonitor.survey.security.Actor;
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
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Create or replace a unit", description = "Published on alf.units.v1 and written to the "
            + "unit's history. The host region may be any county; the designating region one of the seven ALF "
            + "regions. Ids starting with REGION- are reserved for region-level questionnaires. A reporter registers "
            + "and updates the units of its own region (403 OTHER_REGION otherwise); only an administrator moves a "
            + "unit to another region or changes active (403 ADMIN_ONLY, each such field in errors). A reporter who "
            + "leaves active out keeps it as stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit",
            value = """
                    {"name": "Kliniken för onkologi, Karolinska Solna", "regionCode": "01", "hostRegionCode": "01",
                     "provider": "OWN_REGION", "designatedYear": 2016, "directPatientContact": true, "active": true}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitDto.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: a role not listed; OTHER_REGION: a unit or a target "
            + "region not the reporter's own; ADMIN_ONLY: a reporter moving a unit or changing active")
    @APIResponse(responseCode = "409", description = "REVISION_CONFLICT: the unit changed meanwhile")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the body: "
            + "REQUIRED_MISSING, WRONG_TYPE, UNKNOWN_REGION, INVALID_OPTION, OUT_OF_RANGE, RESERVED_UNIT_ID, "
            + "INVALID_ID")
    public Response put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
            @NotNull @Valid UnitDto unit) {
        boolean created = units.put(id, UnitDto.toUnit(unit), Actor.of(caller));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(UnitDto.from(units.get(id)))
                .build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Every change of a unit", description = "Oldest first: CREATED or UPDATED, who and when, "
            + "and each changed field with its value before and after. A reporter reads the units of its own region.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "403", description = "A role not listed; OTHER_REGION for a unit of another region")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public List<RegistryChangeDto> history(@PathParam("id") String id) {
        return units.history(id, Actor.of(caller)).stream().map(RegistryChangeDto::from).toList();
    }
}
