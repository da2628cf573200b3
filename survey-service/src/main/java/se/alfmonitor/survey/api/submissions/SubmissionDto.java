package se.alfmonitor.survey.api.submissions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.submissions.Submission;
import se.alfmonitor.survey.submissions.SubmissionStatus;

/**
 * A submission as the contract shows it, plus {@code updatedBy}, the assessor's {@code returnComment} while it is
 * returned for correction, and {@code etag}: the state's concurrency token, which every write advances (a return
 * included) and an amendment sends back as {@code If-Match}; also sent as the response's {@code ETag} header.
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
        String returnComment,
        String etag) {

    public static SubmissionDto from(Submission s) {
        return new SubmissionDto(s.id(), s.campaignId(), s.unitId(), s.regionCode(), s.status(), s.revision(),
                s.answers(), s.submittedAt(), s.submittedBy(), s.updatedAt(), s.updatedBy(), s.returnComment(),
                s.etag());
    }
}
