package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.persistence.SubmissionRevisionEntity;

/** A submitted revision, immutable once written. */
public record Revision(UUID submissionId, int revision, Map<String, Object> answers, Instant submittedAt,
        String submittedBy) {

    static Revision of(SubmissionRevisionEntity r) {
        return new Revision(r.submissionId, r.revision, r.answers, r.submittedAt, r.submittedBy);
    }
}
