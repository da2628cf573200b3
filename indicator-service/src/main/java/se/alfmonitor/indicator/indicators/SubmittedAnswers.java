package se.alfmonitor.indicator.indicators;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.events.SubmissionSubmitted;

/** The answers of one submitted revision, as the questionnaire indicators read them: from an event or as stored. */
public record SubmittedAnswers(String campaignId, String unitId, UUID submissionId, int revision,
        String questionnaireKey, String regionCode, JsonNode answers) {

    static SubmittedAnswers of(SubmissionSubmitted submitted) {
        return new SubmittedAnswers(submitted.campaignId(), submitted.unit().id(), submitted.submissionId(),
                submitted.revision(), submitted.questionnaire().key(), submitted.unit().regionCode(),
                submitted.answers());
    }

    static SubmittedAnswers of(SubmissionAnswersEntity row) {
        return new SubmittedAnswers(row.campaignId, row.unitId, row.submissionId, row.revision, row.questionnaireKey,
                row.regionCode, row.answers);
    }
}
