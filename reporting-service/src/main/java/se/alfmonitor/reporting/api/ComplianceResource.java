package se.alfmonitor.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.api.csv.CsvWriter;
import se.alfmonitor.reporting.domain.ComplianceService;

@Path("/api/compliance")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
public class ComplianceResource {

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public ComplianceDto get(@QueryParam("campaignId") @NotBlank String campaignId) {
        return compliance.compliance(campaignId);
    }
}
