package se.alfmonitor.survey.api.submissions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.submissions.Revision;

/** A submitted revision, immutable once written. */
public record RevisionDto(UUID submissionId, int revision, Map<String, Object> answers, Instant submittedAt,
        String submittedBy) {

    static RevisionDto from(Revision r) {
        return new RevisionDto(r.submissionId(), r.revision(), r.answers(), r.submittedAt(), r.submittedBy());
    }
}
