package se.alfmonitor.reporting.api;

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
public class ScorecardResource {

    private final ScorecardService scorecards;

    public ScorecardResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    /** Aggregates only, so every role may read every region's. */
    @GET
    @Path("/regions/{code}/scorecard")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public RegionScorecardDto region(
            @PathParam("code") @Pattern(regexp = "\\d{2}", message = "must be a two-digit county code") String code,
            @QueryParam("campaignId") @NotBlank String campaignId) {
        return scorecards.region(code, campaignId);
    }

    /** Unit detail: not for viewers; a reporter only in its own region. */
    @GET
    @Path("/units/{id}/scorecard")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public UnitScorecardDto unit(
            @PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a unit id") String id,
            @QueryParam("campaignId") @NotBlank String campaignId) {
        return scorecards.unit(id, campaignId);
    }
}
