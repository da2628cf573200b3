package se.alfmonitor.survey.api.submissions;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.survey.submissions.Draft;

/**
 * Body of {@code PUT /api/submissions/{id}}: a draft's answers for one unit in one campaign. Fields are checked by the
 * service, not by Bean Validation, so that every problem of the body comes back in one 422.
 */
public record DraftRequest(String campaignId, String unitId, JsonNode answers) {

    /** The command; a missing body is a draft that lacks everything. */
    static Draft toDraft(DraftRequest body) {
        return body == null ? new Draft(null, null, null) : new Draft(body.campaignId(), body.unitId(), body.answers());
    }
}
