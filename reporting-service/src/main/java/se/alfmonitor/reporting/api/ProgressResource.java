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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.api.csv.CsvWriter;
import se.alfmonitor.reporting.domain.ProgressService;

@Path("/api")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Progress", description = "Completeness of campaigns and unmet levels")
public class ProgressResource {

    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Path("/completeness")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Completeness of a campaign", description = "Per region: expected active units, submitted, "
            + "missing.")
    @APIResponse(responseCode = "200", description = "Completeness per region",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletenessDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per region")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    public CompletenessDto completeness(@QueryParam("campaignId") @NotBlank String campaignId) {
        return progress.completeness(campaignId);
    }

    /** Counts per region and level: an aggregate, so viewers may read it. */
    @GET
    @Path("/remediation")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Unmet levels per region and level", description = "Counts only, so viewers may read them.")
    @APIResponse(responseCode = "200", description = "Unmet levels counted per region and level",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = RemediationDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per region and level")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    public RemediationDto remediation(@QueryParam("campaignId") @NotBlank String campaignId) {
        return progress.remediation(campaignId);
    }

    /** Names units, so it is unit detail: a reporter reads its own region only. */
    @GET
    @Path("/remediation/units")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Every unit with an unmet level", description = "Names units: a reporter reads its own "
            + "region only.")
    @APIResponse(responseCode = "200", description = "Every unit and unmet level",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = RemediationUnitsDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per unit and level")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION, REGION_CLAIM_MISSING: a "
            + "reporter asking for another region")
    public RemediationUnitsDto remediationUnits(@QueryParam("campaignId") @NotBlank String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code")
            String regionCode) {
        return progress.remediationUnits(campaignId, regionCode);
    }
}
