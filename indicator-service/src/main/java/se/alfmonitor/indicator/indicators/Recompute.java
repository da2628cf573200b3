package se.alfmonitor.indicator.indicators;

import java.util.List;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.rollup.RollUps;
import se.alfmonitor.indicator.values.IndicatorValueEntity;

/**
 * Rebuilds every value from the stored assessments, submissions and reference statistics, e.g. after a new catalogue
 * version. Values that come out the same are not stored again, so a recompute publishes only what changed.
 */
@ApplicationScoped
public class Recompute {

    /** Units whose assessment values are written together. */
    private static final int UNITS_AT_ONCE = 500;

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
        List<UnitAssessmentEntity> all = UnitAssessmentEntity.listAll();
        for (int from = 0; from < all.size(); from += UNITS_AT_ONCE) {
            assessments.recompute(all.subList(from, Math.min(all.size(), from + UNITS_AT_ONCE)));
        }
        long units = all.size();
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
