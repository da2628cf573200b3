package se.alfmonitor.survey.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /api/submissions/validate}: a would-be submission; {@code submissionId} is optional. */
public record ValidateRequest(UUID submissionId, String campaignId, String unitId, JsonNode answers) {
}
