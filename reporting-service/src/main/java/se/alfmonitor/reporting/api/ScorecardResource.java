package se.alfmonitor.reporting.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.api.csv.CsvWriter;
import se.alfmonitor.reporting.domain.ScorecardService;

@Path("/api")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Scorecards", description = "A region's and a unit's levels, areas and indicators")
public class ScorecardResource {

    private final ScorecardService scorecards;

    public ScorecardResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    /** Aggregates only, so every role may read every region's. */
    @GET
    @Path("/regions/{code}/scorecard")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Scorecard of a region", description = "The region's levels, areas, indicators and "
            + "remediation status; aggregates only, so every role may read every region's.")
    @APIResponse(responseCode = "200", description = "The region scorecard",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = RegionScorecardDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per level")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND: not one of the seven ALF regions")
    public RegionScorecardDto region(
            @PathParam("code") @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code") String code,
            @QueryParam("campaignId") @NotBlank String campaignId) {
        return scorecards.region(code, campaignId);
    }

    /** Unit detail: not for viewers; a reporter only in its own region. */
    @GET
    @Path("/units/{id}/scorecard")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Scorecard of a unit", description = "One unit's levels with explanations; not for viewers, "
            + "and a reporter only in its own region.")
    @APIResponse(responseCode = "200", description = "The unit scorecard",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = UnitScorecardDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per level")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION, REGION_CLAIM_MISSING: a "
            + "reporter asking for another region")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND; SCORECARD_NOT_FOUND: the unit has no "
            + "assessment in the campaign")
    public UnitScorecardDto unit(
            @PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a unit id") String id,
            @QueryParam("campaignId") @NotBlank String campaignId) {
        return scorecards.unit(id, campaignId);
    }
}
