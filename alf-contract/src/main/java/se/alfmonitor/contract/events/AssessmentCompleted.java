package se.alfmonitor.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A unit's assessment against the minimum levels, as served by assessment-service. Every new version (new revision,
 * assessor decision, new rule set) is published. Key: unit id.
 */
public record AssessmentCompleted(
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
        List<Level> levels) {

    /**
     * @param explanation which items and answers decided the outcome and the rule applied, in Swedish and English
     */
    public record Level(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            LevelOutcome outcome, JsonNode explanation) {
    }
}
