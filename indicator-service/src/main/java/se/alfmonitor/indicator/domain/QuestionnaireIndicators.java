package se.alfmonitor.indicator.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.persistence.SubmissionAnswersEntity;

/**
 * The indicators computed straight from one submission's answers (staff matrix, counts, regional finance and
 * positions): the unit's or region's value now, the aggregates above it by summing through {@link RollUps}.
 */
@ApplicationScoped
public class QuestionnaireIndicators {

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;

    public QuestionnaireIndicators(IndicatorCatalogue catalogue, ValueStore values) {
        this.catalogue = catalogue;
        this.values = values;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(SubmissionAnswersEntity submission) {
        // base level and period to the indicators whose aggregates need recomputing
        Map<OrgUnitLevel, Map<String, List<IndicatorDefinition>>> touched = new java.util.EnumMap<>(OrgUnitLevel.class);
        List<ValueStore.NewValue> computed = new java.util.ArrayList<>();
        for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_QUESTIONNAIRE)) {
            IndicatorDefinition definition = indicator.definition();
            if (!submission.questionnaireKey.equals(definition.questionnaire())) {
                continue;
            }
            OrgUnitLevel base = OrgUnitLevel.valueOf(definition.baseLevel());
            String orgUnit = base == OrgUnitLevel.REGION ? submission.regionCode : submission.unitId;
            List<String> periods = switch (definition.periodType()) {
                case CALENDAR_YEAR -> AnswerInputs.years(submission.answers.get(definition.yearItem()));
                case EVALUATION_ROUND -> List.of(Periods.evaluationRound(submission.campaignId));
                case REFERENCE_DATE, SNAPSHOT -> List.of(Periods.referenceYear(submission.campaignId));
            };
            for (String period : periods) {
                String year = definition.periodType() == IndicatorDefinition.PeriodType.CALENDAR_YEAR ? period
                        : null;
                Map<String, Object> inputs = AnswerInputs.of(submission.answers, year);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("campaignId", submission.campaignId);
                details.put("submissionId", submission.submissionId.toString());
                details.put("submissionRevision", submission.revision);
                computed.add(new ValueStore.NewValue(definition, orgUnit, base, submission.regionCode, period,
                        indicator.evaluate(inputs).orElse(null), details));
                touched.computeIfAbsent(base, b -> new java.util.TreeMap<>())
                        .computeIfAbsent(period, p -> new java.util.ArrayList<>()).add(definition);
            }
        }
        values.recordAll(computed);
        touched.forEach((base, byPeriod) -> byPeriod.forEach(
                (period, definitions) -> values.rollUpSoon(definitions, base, period, submission.regionCode)));
    }
}
