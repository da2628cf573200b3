package se.alfmonitor.survey.api.submissions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/submissions/{id}/amendments}.
 *
 * @param expectedRevision optional: the revision the client based its change on; another revision answers 409
 *        {@code REVISION_CONFLICT} (the {@code If-Match} header does the same)
 */
public record AmendmentRequest(JsonNode answers, Integer expectedRevision) {
}
