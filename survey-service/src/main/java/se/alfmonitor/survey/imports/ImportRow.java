package se.alfmonitor.survey.imports;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.problem.FieldError;

/**
 * One submission of a bulk import, as read from JSON or CSV, with the problems found while reading it.
 *
 * @param lines the CSV lines it came from; null for JSON
 */
record ImportRow(int index, List<Long> lines, String rawSubmissionId, UUID submissionId, String campaignId,
        String unitId, JsonNode answers, boolean submit, List<FieldError> readErrors) {
}
