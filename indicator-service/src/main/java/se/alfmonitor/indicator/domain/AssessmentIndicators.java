package se.alfmonitor.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.persistence.IndicatorValueEntity;
import se.alfmonitor.indicator.persistence.UnitAssessmentEntity;

/**
 * The indicators computed from assessments (ALF-01.n, ALF-02, ALF-03.area) and the level means (ALF-04). An
 * assessment recomputes only the series points it affects: the unit's now, its region's, the ALF regions' and the
 * nation's through {@link RollUps}.
 */
@ApplicationScoped
public class AssessmentIndicators {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;

    public AssessmentIndicators(IndicatorCatalogue catalogue, ValueStore values) {
        this.catalogue = catalogue;
        this.values = values;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessment(AssessmentCompleted assessment) {
        UnitAssessmentEntity unit = UnitAssessmentEntity.findById(
                new UnitAssessmentEntity.Key(assessment.unitId(), assessment.campaignId()));
        if (unit != null && unit.assessmentVersion >= assessment.version()) {
            return;
        }
        boolean created = unit == null;
        if (created) {
            unit = new UnitAssessmentEntity();
            unit.unitId = assessment.unitId();
            unit.campaignId = assessment.campaignId();
        }
        unit.regionCode = assessment.regionCode();
        unit.assessmentVersion = assessment.version();
        unit.metCount = assessment.metCount();
        unit.allMet = assessment.allMet();
        unit.pendingReviews = assessment.pendingReviews();
        Map<String, String> levels = new LinkedHashMap<>();
        if (assessment.levels() != null) {
            assessment.levels().forEach(l -> levels.put(String.valueOf(l.number()), l.outcome().name()));
        }
        unit.levels = levels;
        if (created) {
            unit.persist();
        }
        unit.flush();
        recompute(unit);
    }

    /**
     * Recomputes every assessment indicator of one unit, and marks the aggregates above it to be summed again by
     * {@link RollUps} (the unit's level means are computed here; those above it after the sums).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(UnitAssessmentEntity unit) {
        String period = Periods.evaluationRound(unit.campaignId);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("levels", unit.levels);
        inputs.put("allMet", unit.allMet);
        inputs.put("pendingReviews", unit.pendingReviews);
        inputs.put("metCount", unit.metCount);
        List<Compiled> indicators = catalogue.byFeed(IndicatorDefinition.FEED_ASSESSMENT);
        List<ValueStore.NewValue> unitValues = new ArrayList<>(indicators.size());
        for (Compiled indicator : indicators) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("campaignId", unit.campaignId);
            details.put("assessmentVersion", unit.assessmentVersion);
            // pending units are shown next to the value: they make it provisional
            details.put("counts", Map.of("units", 1, "pendingUnits", unit.pendingReviews > 0 ? 1 : 0));
            unitValues.add(new ValueStore.NewValue(indicator.definition(), unit.unitId, OrgUnitLevel.UNIT,
                    unit.regionCode, period, indicator.evaluate(inputs).orElse(null), details));
        }
        values.recordAll(unitValues);
        levelMeans(unit.unitId, OrgUnitLevel.UNIT, unit.regionCode, period);
        values.rollUpSoon(indicators.stream().map(Compiled::definition).toList(), OrgUnitLevel.UNIT, period,
                unit.regionCode);
    }

    /** The level means of the given regions, the ALF regions and the nation, from their summed level shares. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void levelMeansAbove(Collection<String> regionCodes, String period) {
        for (String regionCode : regionCodes) {
            levelMeans(regionCode, OrgUnitLevel.REGION, regionCode, period);
        }
        levelMeans(OrgUnitLevel.ALF_ID, OrgUnitLevel.ALF, null, period);
        levelMeans(OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION, null, period);
    }

    /**
     * ALF-04 is the one summed-ratio exception: the unweighted mean of the level shares at the org unit itself,
     * computed from the unrounded ALF-01 parts there, never from lower-level means.
     */
    private void levelMeans(String orgUnit, OrgUnitLevel level, String regionCode, String period) {
        Map<Integer, BigDecimal> shares = new HashMap<>();
        // native, so that the shares read do not become managed entities the session dirty-checks at every flush
        for (Object row : IndicatorValueEntity.getEntityManager().createNativeQuery("select indicator, numerator,"
                + " denominator from indicator_value where indicator like 'ALF-01.%' and org_unit = :orgUnit"
                + " and period = :period and latest and denominator > 0")
                .setParameter("orgUnit", orgUnit).setParameter("period", period).getResultList()) {
            Object[] cells = (Object[]) row;
            shares.put(Integer.valueOf(((String) cells[0]).substring("ALF-01.".length())),
                    ((BigDecimal) cells[1]).multiply(HUNDRED).divide((BigDecimal) cells[2], MathContext.DECIMAL64));
        }
        List<ValueStore.NewValue> means = new ArrayList<>();
        for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_LEVEL_MEAN)) {
            List<Integer> set = indicator.definition().minimumLevels();
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (Integer n : set) {
                if (shares.containsKey(n)) {
                    sum = sum.add(shares.get(n));
                    count++;
                }
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("shareSum", sum.setScale(6, RoundingMode.HALF_UP));
            inputs.put("levelsWithShare", count);
            Map<String, Object> details = new LinkedHashMap<>(inputs);
            details.put("levelsInSet", set.size());
            means.add(new ValueStore.NewValue(indicator.definition(), orgUnit, level, regionCode, period,
                    indicator.evaluate(inputs).orElse(null), details));
        }
        values.recordAll(means);
    }

}
