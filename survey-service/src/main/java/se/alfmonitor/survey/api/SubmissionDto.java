package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.domain.SubmissionStatus;

/**
 * A submission as the contract shows it, plus {@code updatedBy} and the assessor's {@code returnComment} while it is
 * returned for correction.
 */
public record SubmissionDto(
        UUID id,
        String campaignId,
        String unitId,
        String regionCode,
        SubmissionStatus status,
        int revision,
        Map<String, Object> answers,
        Instant submittedAt,
        String submittedBy,
        Instant updatedAt,
        String updatedBy,
        String returnComment) {
}
