package se.alfmonitor.survey.api.submissions;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.survey.submissions.Candidate;

/** Body of {@code POST /api/submissions/validate}: a would-be submission; {@code submissionId} is optional. */
public record ValidateRequest(UUID submissionId, String campaignId, String unitId, JsonNode answers) {

    /** The would-be submission; a missing body lacks everything. */
    static Candidate toCandidate(ValidateRequest body) {
        return body == null ? new Candidate(null, null, null, null)
                : new Candidate(body.submissionId(), body.campaignId(), body.unitId(), body.answers());
    }
}
