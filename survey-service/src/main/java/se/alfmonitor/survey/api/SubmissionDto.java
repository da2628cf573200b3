package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.domain.SubmissionStatus;

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
        Instant updatedAt) {
}
