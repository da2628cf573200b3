package se.alfmonitor.survey.submissions;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A would-be submission to check without storing it; {@code submissionId} is optional. */
public record Candidate(UUID submissionId, String campaignId, String unitId, JsonNode answers) {
}
