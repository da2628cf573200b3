package se.alfmonitor.contract.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A submitted revision of a questionnaire answer. Every revision is its own event; consumers keep the highest
 * revision per submission. Key: unit id (region-level questionnaires use the region's pseudo unit id).
 */
public record SubmissionSubmitted(
        UUID submissionId,
        int revision,
        String campaignId,
        QuestionnaireRef questionnaire,
        UnitRef unit,
        ObjectNode answers,
        Instant submittedAt,
        String submittedBy) {

    public record QuestionnaireRef(String key, String version) {
    }

    public record UnitRef(String id, String regionCode, boolean directPatientContact, Integer designatedYear) {
    }
}
