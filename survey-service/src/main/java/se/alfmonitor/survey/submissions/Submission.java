package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.persistence.SubmissionEntity;

/**
 * A submission's current state: its current answers, the latest submitted revision (0 while a draft), who wrote last,
 * the assessor's {@code returnComment} while it is returned, and {@code etag}, the state's concurrency token that
 * every write advances (see {@link Precondition}).
 */
public record Submission(
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
        String returnComment,
        String etag) {

    /** The stored submission as it is now; its ETag is the version last flushed. */
    public static Submission of(SubmissionEntity s) {
        return new Submission(s.id, s.campaignId, s.unitId, s.regionCode, s.status, s.revision,
                s.answers == null ? Map.of() : new LinkedHashMap<>(s.answers), s.submittedAt, s.submittedBy,
                s.updatedAt, s.updatedBy, s.returnComment, Precondition.etagOf(s));
    }
}
