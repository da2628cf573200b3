package se.alfmonitor.reporting.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.api.csv.CsvWriter;
import se.alfmonitor.reporting.domain.ComplianceService;
import se.alfmonitor.reporting.persistence.ReadModelQueries.CampaignRow;

@Path("/api/compliance")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Compliance", description = "Shares of units meeting each level, per region and nation")
public class ComplianceResource {

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Compliance matrix of a campaign", description = "Per region and level the share of "
            + "responding units whose outcome is MET or NOT_APPLICABLE, the national shares and averages, and the "
            + "units meeting all 27 levels.")
    @APIResponse(responseCode = "200", description = "The compliance matrix",
            content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = ComplianceDto.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "The matrix as a table, one line per level")) })
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: campaignId is missing, or a code is not valid")
    public ComplianceDto get(@QueryParam("campaignId") @NotBlank String campaignId) {
        return compliance.compliance(campaignId);
    }

    /** What a page offers to choose from instead of a typed campaign id. */
    @GET
    @Path("/campaigns")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The campaigns with assessments",
            description = "Every campaign with at least one assessment, the one assessed most recently first: "
                    + "campaignId, respondingUnits, firstAssessedAt, lastAssessedAt")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public List<CampaignRow> campaigns() {
        return compliance.campaigns();
    }

    /** Unit detail behind one matrix cell: not for viewers; a reporter only in its own region. */
    @GET
    @Path("/cell")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The units behind one cell of the compliance matrix",
            description = "The region's responding units in the campaign with their outcome of the level, those not "
                    + "meeting it first. Roles reporter (own region only, else 403 OTHER_REGION), assessor, monitor, "
                    + "admin; a viewer sees aggregates only (403)")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public ComplianceCellDto cell(@QueryParam("campaignId") @NotBlank String campaignId,
            @QueryParam("level") @NotNull @Min(1) @Max(99) Integer level,
            @QueryParam("regionCode") @NotBlank
            @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code") String regionCode) {
        return compliance.cell(campaignId, level, regionCode);
    }
}
