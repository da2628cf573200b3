package se.alfmonitor.assessment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.assessment.AssessmentView;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "The latest assessment of each unit: 27 levels, each with its outcome and why")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final Caller caller;

    public AssessmentResource(AssessmentService assessments, Caller caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    /** The latest assessment of each unit matching the filters; a reporter sees only its own region. */
    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Latest assessment per unit", description = "The latest assessment of each unit matching "
            + "the filters; a reporter sees only its own region (and gets 403 for another).")
    @APIResponse(responseCode = "200", description = "Latest assessment per unit")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: a filter is not valid (e.g. a region code "
            + "that is not two digits)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION, REGION_CLAIM_MISSING: a "
            + "reporter asking for another region")
    public List<AssessmentView> list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}") String regionCode,
            @QueryParam("unitId") String unitId) {
        return assessments.latest(campaignId, caller.scopeRegion(regionCode).orElse(null), unitId);
    }
}
