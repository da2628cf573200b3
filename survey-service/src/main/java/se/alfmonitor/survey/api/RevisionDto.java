package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A submitted revision, immutable once written. */
public record RevisionDto(UUID submissionId, int revision, Map<String, Object> answers, Instant submittedAt,
        String submittedBy) {
}
