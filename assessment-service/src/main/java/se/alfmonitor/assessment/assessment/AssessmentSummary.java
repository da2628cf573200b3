package se.alfmonitor.assessment.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.contract.events.LevelOutcome;

/**
 * A unit's latest assessment without the explanations ({@code view=summary} of {@code GET /api/assessments}): the
 * fields of {@link AssessmentView}, each level reduced to its number, area and outcome.
 */
public record AssessmentSummary(
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
        List<Level> levels) {

    /** One level's result, without its explanation. */
    @Schema(name = "AssessmentSummaryLevel")
    public record Level(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            LevelOutcome outcome) {
    }
}
