package se.alfmonitor.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.indicator.persistence.SubmissionAnswersEntity;

/** Keeps the latest submitted answers per unit and campaign and recomputes the indicators they feed. */
@ApplicationScoped
public class SubmissionIndicators {

    private final QuestionnaireIndicators questionnaires;
    private final StudyIndicators studies;
    private final ResponseRates responseRates;

    public SubmissionIndicators(QuestionnaireIndicators questionnaires, StudyIndicators studies,
            ResponseRates responseRates) {
        this.questionnaires = questionnaires;
        this.studies = studies;
        this.responseRates = responseRates;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubmission(SubmissionSubmitted submitted) {
        SubmissionAnswersEntity row = SubmissionAnswersEntity.findById(
                new SubmissionAnswersEntity.Key(submitted.campaignId(), submitted.unit().id()));
        if (row != null && isOlder(submitted, row)) {
            return;
        }
        boolean created = row == null;
        if (created) {
            row = new SubmissionAnswersEntity();
            row.campaignId = submitted.campaignId();
            row.unitId = submitted.unit().id();
        }
        row.submissionId = submitted.submissionId();
        row.revision = submitted.revision();
        row.questionnaireKey = submitted.questionnaire().key();
        row.questionnaireVersion = submitted.questionnaire().version();
        row.regionCode = submitted.unit().regionCode();
        row.answers = submitted.answers();
        row.submittedAt = submitted.submittedAt();
        if (created) {
            row.persist();
        }
        row.flush();
        recompute(row);
        if (created && ResponseRates.UNIT_QUESTIONNAIRE.equals(row.questionnaireKey)) {
            // a unit's first submission in the campaign: one more responding unit
            responseRates.recompute(row.campaignId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(SubmissionAnswersEntity row) {
        questionnaires.recompute(row);
        if (StudyIndicators.REGIONAL_QUESTIONNAIRE.equals(row.questionnaireKey)) {
            studies.onRegionalSubmission(row);
        }
    }

    /** A redelivered or overtaken revision: the same submission at an older revision, or an older submission. */
    private static boolean isOlder(SubmissionSubmitted submitted, SubmissionAnswersEntity current) {
        if (submitted.submissionId().equals(current.submissionId)) {
            return submitted.revision() <= current.revision;
        }
        return submitted.submittedAt() != null && submitted.submittedAt().isBefore(current.submittedAt);
    }
}
