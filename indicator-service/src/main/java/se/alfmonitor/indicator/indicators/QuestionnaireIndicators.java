package se.alfmonitor.indicator.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.rollup.RollUpMarks;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;

/**
 * The indicators computed straight from one submission's answers (staff matrix, counts, regional finance and
 * positions): the unit's or region's value now, the aggregates above it by summing through the roll-up
 * ({@link RollUpMarks}).
 */
@ApplicationScoped
public class QuestionnaireIndicators {

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;
    private final RollUpMarks marks;

    public QuestionnaireIndicators(IndicatorCatalogue catalogue, ValueStore values, RollUpMarks marks) {
        this.catalogue = catalogue;
        this.values = values;
        this.marks = marks;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(SubmissionAnswersEntity submission) {
        recompute(List.of(SubmittedAnswers.of(submission)));
    }

    /**
     * The values of many submissions, written together (one {@link ValueStore#recordAll}, one statement of marks).
     * A series given by several of them gets the value of the last one, as if they were recomputed one after the
     * other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(List<SubmittedAnswers> submissions) {
        // the aggregates to sum again: base level, period and region to the indicators
        Map<RollUpMarks.Mark, List<IndicatorDefinition>> toMark = new LinkedHashMap<>();
        List<NewValue> computed = new ArrayList<>();
        List<Compiled> indicators = catalogue.byFeed(IndicatorDefinition.FEED_QUESTIONNAIRE);
        for (SubmittedAnswers submission : submissions) {
            for (Compiled indicator : indicators) {
                IndicatorDefinition definition = indicator.definition();
                if (!submission.questionnaireKey().equals(definition.questionnaire())) {
                    continue;
                }
                OrgUnitLevel base = OrgUnitLevel.valueOf(definition.baseLevel());
                String orgUnit = base == OrgUnitLevel.REGION ? submission.regionCode() : submission.unitId();
                List<String> periods = switch (definition.periodType()) {
                    case CALENDAR_YEAR -> AnswerInputs.years(submission.answers().get(definition.yearItem()));
                    case EVALUATION_ROUND -> List.of(Periods.evaluationRound(submission.campaignId()));
                    case REFERENCE_DATE, SNAPSHOT -> List.of(Periods.referenceYear(submission.campaignId()));
                };
                for (String period : periods) {
                    String year = definition.periodType() == IndicatorDefinition.PeriodType.CALENDAR_YEAR ? period
                            : null;
                    Map<String, Object> inputs = AnswerInputs.of(submission.answers(), year);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("campaignId", submission.campaignId());
                    details.put("submissionId", submission.submissionId().toString());
                    details.put("submissionRevision", submission.revision());
                    computed.add(new NewValue(definition, orgUnit, base, submission.regionCode(), period,
                            indicator.evaluate(inputs).orElse(null), details));
                    toMark.computeIfAbsent(new RollUpMarks.Mark(base, period, submission.regionCode()),
                            m -> new ArrayList<>()).add(definition);
                }
            }
        }
        values.recordAll(computed);
        marks.rollUpSoon(toMark);
    }
}
