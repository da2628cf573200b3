package se.alfmonitor.assessment.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
import se.alfmonitor.assessment.review.ReviewDecisionService;
import se.alfmonitor.assessment.review.ReviewDecisionService.DecisionRequest;
import se.alfmonitor.assessment.review.ReviewDecisionService.DecisionResult;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.assessment.review.ReviewView;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** The assessors' queue of free-text examples. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Free-text examples judged by an assessor")
public class ReviewResource {

    private final ReviewService reviews;
    private final ReviewDecisionService decisions;
    private final Caller caller;

    public ReviewResource(ReviewService reviews, ReviewDecisionService decisions, Caller caller) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(summary = "The review queue", description = "Review items ordered by creation, filtered by campaign, "
            + "status, region and unit; a filter left out is no filter.")
    @APIResponse(responseCode = "200", description = "Review items")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: a filter is not valid (e.g. a region code "
            + "that is not two digits)")
    public List<ReviewView> list(
            @QueryParam("campaignId") String campaignId,
            @Parameter(schema = @Schema(implementation = ReviewStatus.class))
            @QueryParam("status") @Pattern(regexp = "PENDING|APPROVED|REJECTED|SUPERSEDED",
                    message = "must be PENDING, APPROVED, REJECTED or SUPERSEDED") String status,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit region code")
            String regionCode,
            @QueryParam("unitId") String unitId) {
        return reviews.list(campaignId, status == null ? null : ReviewStatus.valueOf(status), regionCode, unitId);
    }

    /** Who opened, decided or superseded the review, and when. */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(summary = "Audit of one review item", description = "Who opened, decided or superseded the review, "
            + "and when.")
    @APIResponse(responseCode = "200", description = "Audit of one review item")
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND")
    public List<ReviewService.ReviewAuditView> audit(@PathParam("id") UUID id) {
        return reviews.audit(id);
    }

    /** The assessor's judgement; the unit's assessment is recomputed and published in the same transaction. */
    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(summary = "Decide a review item", description = "APPROVED or REJECTED with a comment; the unit's "
            + "assessment is recomputed and republished in the same transaction.")
    @APIResponse(responseCode = "200", description = "The decided item and the new assessment version")
    @APIResponse(responseCode = "404", description = "REVIEW_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "REVIEW_ALREADY_DECIDED (another assessor decided first), "
            + "REVIEW_SUPERSEDED (a newer revision replaced it)")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: INVALID_OPTION (decision), "
            + "REQUIRED_MISSING, INVALID_CHARACTER")
    public DecisionResult decide(@PathParam("id") UUID id, DecisionRequest request) {
        return decisions.decide(id, request, caller.name());
    }
}
