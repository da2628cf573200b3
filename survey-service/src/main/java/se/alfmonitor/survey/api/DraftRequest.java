package se.alfmonitor.survey.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code PUT /api/submissions/{id}}: a draft's answers for one unit in one campaign. Fields are checked by the
 * service, not by Bean Validation, so that every problem of the body comes back in one 422.
 */
public record DraftRequest(String campaignId, String unitId, JsonNode answers) {
}
