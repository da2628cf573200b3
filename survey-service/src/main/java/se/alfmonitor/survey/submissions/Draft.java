package se.alfmonitor.survey.submissions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A draft's answers for one unit in one campaign, as a command. Every field may be missing: the service reports
 * every problem of it at once.
 */
public record Draft(String campaignId, String unitId, JsonNode answers) {
}
