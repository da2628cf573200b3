package se.alfmonitor.indicator.domain;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.persistence.IndicatorValueEntity;
import se.alfmonitor.indicator.persistence.SubmissionAnswersEntity;
import se.alfmonitor.indicator.persistence.UnitAssessmentEntity;

/**
 * Rebuilds every value from the stored assessments, submissions and reference statistics, e.g. after a new catalogue
 * version. Values that come out the same are not stored again, so a recompute publishes only what changed.
 */
@ApplicationScoped
public class Recompute {

    private final AssessmentIndicators assessments;
    private final QuestionnaireIndicators questionnaires;
    private final StudyIndicators studies;
    private final ResponseRates responseRates;
    private final RollUps rollUps;

    public Recompute(AssessmentIndicators assessments, QuestionnaireIndicators questionnaires,
            StudyIndicators studies, ResponseRates responseRates, RollUps rollUps) {
        this.rollUps = rollUps;
        this.assessments = assessments;
        this.questionnaires = questionnaires;
        this.studies = studies;
        this.responseRates = responseRates;
    }

    public record Result(long assessments, long submissions, long valuesBefore, long valuesAfter) {
    }

    /** One transaction, so a rebuild is all or nothing; it may take minutes on a full evaluation round. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Result all() {
        long before = IndicatorValueEntity.count();
        long units = 0;
        for (UnitAssessmentEntity unit : UnitAssessmentEntity.<UnitAssessmentEntity>listAll()) {
            assessments.recompute(unit);
            units++;
        }
        long submissions = 0;
        for (SubmissionAnswersEntity submission : SubmissionAnswersEntity.<SubmissionAnswersEntity>listAll()) {
            questionnaires.recompute(submission);
            submissions++;
        }
        // the aggregates above units and regions, once each, in this transaction
        rollUps.processAll();
        studies.recomputeAll();
        responseRates.recomputeAll();
        return new Result(units, submissions, before, IndicatorValueEntity.count());
    }
}
