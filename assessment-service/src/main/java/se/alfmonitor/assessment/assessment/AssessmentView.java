package se.alfmonitor.assessment.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.contract.events.AssessmentCompleted;

/**
 * A unit's assessment as the API serves it: the fields of the {@link AssessmentCompleted} event plus the fulfilled
 * and total levels per area.
 */
public record AssessmentView(
        String unitId,
        String regionCode,
        String campaignId,
        UUID submissionId,
        int submissionRevision,
        int version,
        String ruleSetVersion,
        Instant assessedAt,
        int metCount,
        boolean allMet,
        int pendingReviews,
        Map<String, AreaCount> areas,
        List<AssessmentCompleted.Level> levels) {
}
