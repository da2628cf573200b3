package se.alfmonitor.survey.api.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.api.RegistryChangeDto;
import se.alfmonitor.survey.campaigns.CampaignService;
import se.alfmonitor.survey.security.Actor;

@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Which questionnaire is answered for which period; open, closed, locked")
public class CampaignResource {

    private final CampaignService campaigns;
    private final Caller caller;

    public CampaignResource(CampaignService campaigns, Caller caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Every campaign")
    public List<CampaignDto> list() {
        return campaigns.list().stream().map(CampaignDto::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "One campaign")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignDto get(@PathParam("id") String id) {
        return CampaignDto.from(campaigns.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a campaign", description = "Status OPEN or CLOSED; a locked campaign "
            + "cannot be changed, and the questionnaire of a campaign with submissions cannot change.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name =
            "campaign", value = """
                    {"questionnaire": {"key": "regional-research", "version": "2021"},
                     "periodStart": "2022-01-01", "periodEnd": "2022-12-31", "referenceDate": "2022-12-31",
                     "opens": "2023-01-15", "closes": "2023-06-30", "status": "OPEN"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignDto.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignDto.class)))
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED, CAMPAIGN_IN_USE")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the body: "
            + "REQUIRED_MISSING, WRONG_TYPE, UNKNOWN_QUESTIONNAIRE, INVALID_PERIOD, INVALID_OPTION")
    public Response put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
            @NotNull CampaignRequest request) {
        boolean created = campaigns.put(id, CampaignRequest.toChange(request), Actor.of(caller));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(CampaignDto.from(campaigns.get(id)))
                .build();
    }

    @POST
    @Path("/{id}/lock")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lock a campaign", description = "Locks the campaign and its submitted submissions; "
            + "afterwards every write answers 409 SUBMISSION_LOCKED. Locking again changes nothing.")
    @APIResponse(responseCode = "200", description = "Locked")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignDto lock(@PathParam("id") String id) {
        return CampaignDto.from(campaigns.lock(id, Actor.of(caller), null));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Every change of a campaign", description = "Oldest first: CREATED, UPDATED or LOCKED, who "
            + "and when, and each changed field with its value before and after.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "403", description = "A role not listed")
    @APIResponse(responseCode = "404", description = "CAMPAIGN_NOT_FOUND")
    public List<RegistryChangeDto> history(@PathParam("id") String id) {
        return campaigns.history(id).stream().map(RegistryChangeDto::from).toList();
    }
}
