package se.alfmonitor.reporting.api;

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
public class ProgressResource {

    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Path("/completeness")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public CompletenessDto completeness(@QueryParam("campaignId") @NotBlank String campaignId) {
        return progress.completeness(campaignId);
    }

    /** Counts per region and level: an aggregate, so viewers may read it. */
    @GET
    @Path("/remediation")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public RemediationDto remediation(@QueryParam("campaignId") @NotBlank String campaignId) {
        return progress.remediation(campaignId);
    }

    /** Names units, so it is unit detail: a reporter reads its own region only. */
    @GET
    @Path("/remediation/units")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public RemediationUnitsDto remediationUnits(@QueryParam("campaignId") @NotBlank String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code")
            String regionCode) {
        return progress.remediationUnits(campaignId, regionCode);
    }
}
