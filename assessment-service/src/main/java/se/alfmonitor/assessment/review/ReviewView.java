package se.alfmonitor.assessment.review;

import java.time.Instant;
import java.util.UUID;

/** A free-text example in the review queue, with the criteria the assessor judges it by. */
public record ReviewView(
        UUID id,
        String unitId,
        String regionCode,
        String campaignId,
        UUID submissionId,
        int submissionRevision,
        int level,
        String itemId,
        String text,
        String criteriaSv,
        String criteriaEn,
        String ruleSetVersion,
        ReviewStatus status,
        String comment,
        String decidedBy,
        Instant decidedAt,
        Instant createdAt) {
}
