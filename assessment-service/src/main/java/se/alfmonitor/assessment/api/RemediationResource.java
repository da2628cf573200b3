package se.alfmonitor.assessment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.assessment.remediation.RemediationService;
import se.alfmonitor.assessment.remediation.RemediationView;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** The levels units must remedy by their campaign's due date. */
@Path("/api/remediations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remediations", description = "One item per unmet level, with its due date")
public class RemediationResource {

    private final RemediationService remediations;
    private final Caller caller;

    public RemediationResource(RemediationService remediations, Caller caller) {
        this.remediations = remediations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Remediation items", description = "One item per unmet level: OPEN, RESOLVED or OVERDUE; a "
            + "reporter sees only its own region.")
    @APIResponse(responseCode = "200", description = "Remediation items")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: a filter is not valid (e.g. a region code "
            + "that is not two digits)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION, REGION_CLAIM_MISSING: a "
            + "reporter asking for another region")
    public List<RemediationView> list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit region code")
            String regionCode,
            @QueryParam("unitId") String unitId,
            @Parameter(schema = @Schema(enumeration = { "OPEN", "RESOLVED", "OVERDUE" }))
            @QueryParam("status") @Pattern(regexp = "OPEN|RESOLVED|OVERDUE",
                    message = "must be OPEN, RESOLVED or OVERDUE") String status) {
        return remediations.list(campaignId, caller.scopeRegion(regionCode).orElse(null), unitId, status);
    }
}
