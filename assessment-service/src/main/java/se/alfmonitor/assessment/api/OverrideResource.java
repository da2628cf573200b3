package se.alfmonitor.assessment.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.assessment.override.SiteVisitOverrides;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideRequest;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideResult;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideView;
import se.alfmonitor.assessment.override.SiteVisitOverrides.WithdrawalRequest;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** Site-visit overrides of level outcomes (AMB-14), recorded by assessors and visible to the unit's region. */
@Path("/api/overrides")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overrides", description = "Site-visit overrides of level outcomes (AMB-14)")
public class OverrideResource {

    private final SiteVisitOverrides overrides;
    private final Caller caller;

    public OverrideResource(SiteVisitOverrides overrides, Caller caller) {
        this.overrides = overrides;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Site-visit overrides", description = "Overrides of level outcomes in force and withdrawn; "
            + "a reporter sees only its own region.")
    @APIResponse(responseCode = "200", description = "Site-visit overrides")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: a filter is not valid (e.g. a region code "
            + "that is not two digits)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION, REGION_CLAIM_MISSING: a "
            + "reporter asking for another region")
    public List<OverrideView> list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit region code")
            String regionCode,
            @QueryParam("unitId") String unitId,
            @QueryParam("inForce") Boolean inForce) {
        return overrides.list(campaignId, caller.scopeRegion(regionCode).orElse(null), unitId, inForce);
    }

    /** Records an override of one level; the unit's assessment is recomputed and published in the same transaction. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(summary = "Override one level after a site visit", description = "The unit's assessment is recomputed "
            + "and republished in the same transaction.")
    @APIResponse(responseCode = "201", description = "The override and the new assessment version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OverrideResult.class)))
    @APIResponse(responseCode = "404", description = "ASSESSMENT_NOT_FOUND: the unit has no assessment in the campaign")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem at once: "
            + "REQUIRED_MISSING, INVALID_OPTION, INVALID_CHARACTER")
    public Response create(OverrideRequest request) {
        OverrideResult result = overrides.create(request, caller.name());
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /** Withdraws an override; the level falls back to the survey's result. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(summary = "Withdraw an override", description = "The level falls back to the survey's result; the "
            + "assessment is recomputed and republished.")
    @APIResponse(responseCode = "200", description = "The withdrawn override and the new assessment version")
    @APIResponse(responseCode = "404", description = "OVERRIDE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "OVERRIDE_WITHDRAWN: withdrawn already")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: REQUIRED_MISSING (a reason), "
            + "INVALID_CHARACTER")
    public OverrideResult withdraw(@PathParam("id") UUID id, WithdrawalRequest request) {
        return overrides.withdraw(id, request, caller.name());
    }
}
