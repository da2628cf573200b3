package se.alfmonitor.assessment.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.problem.TextFields;

/** An assessor's decision on an example: recorded, audited, and applied to the unit's assessment at once. */
@ApplicationScoped
public class ReviewDecisionService {

    static final int COMMENT_MAX = 4000;

    private final AssessmentService assessments;
    private final ReviewService reviews;
    private final RuleSets ruleSets;

    public ReviewDecisionService(AssessmentService assessments, ReviewService reviews, RuleSets ruleSets) {
        this.assessments = assessments;
        this.reviews = reviews;
        this.ruleSets = ruleSets;
    }

    public record DecisionRequest(@Schema(enumeration = { "APPROVED", "REJECTED" }) String decision,
            String comment) {
    }

    /**
     * @param assessmentVersion the unit's new assessment version with the decision applied; null only when the unit
     *        has no assessment that names the example any more, which cannot be while the item is pending (a new
     *        example supersedes it under the same lock)
     */
    public record DecisionResult(ReviewView review, Integer assessmentVersion) {
    }

    @Transactional
    public DecisionResult decide(UUID reviewId, DecisionRequest request, String actor) {
        List<FieldError> errors = new ArrayList<>();
        ReviewStatus decision = null;
        if (request == null || request.decision() == null || request.decision().isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/decision", "decision is required: APPROVED or REJECTED"));
        } else if (!request.decision().equals("APPROVED") && !request.decision().equals("REJECTED")) {
            errors.add(new FieldError("INVALID_OPTION", "/decision", "decision must be APPROVED or REJECTED"));
        } else {
            decision = ReviewStatus.valueOf(request.decision());
        }
        TextFields.required(request == null ? null : request.comment(), "/comment", COMMENT_MAX,
                "a comment explaining the decision is required", errors);
        ReviewItemEntity item = ReviewItemEntity.findById(reviewId);
        if (item == null) {
            throw ProblemException.notFound("REVIEW_NOT_FOUND", "No review " + reviewId);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // the unit's lock first, as every path that makes a version takes it; then the item as the previous holder
        // left it (a concurrent decision, or a new revision that superseded its example)
        AssessmentEntity latest = assessments.lockedLatest(item.unitId, item.campaignId);
        ReviewItemEntity.getEntityManager().refresh(item);
        if (item.status != ReviewStatus.PENDING) {
            throw ProblemException.conflict(item.status == ReviewStatus.SUPERSEDED ? "REVIEW_SUPERSEDED"
                    : "REVIEW_ALREADY_DECIDED", "The review is " + item.status + "; only a PENDING review is decided");
        }
        item.status = decision;
        item.comment = request.comment().strip();
        item.decidedBy = actor;
        item.decidedAt = Instant.now();
        reviews.audit(item, "DECIDED", ReviewStatus.PENDING, item.comment, actor);
        item.flush();

        Integer version = null;
        if (latest != null) {
            Optional<AssessmentCompleted> next = ruleSets.find(latest.ruleSetVersion)
                    .flatMap(rs -> assessments.reassess(latest, rs, AssessmentService.REASON_REVIEW));
            version = next.map(AssessmentCompleted::version).orElse(null);
        }
        return new DecisionResult(ReviewService.toView(item), version);
    }
}
