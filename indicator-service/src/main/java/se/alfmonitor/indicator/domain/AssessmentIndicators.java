package se.alfmonitor.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
    /** The code prefix of the share of units meeting level n (ALF-01.n). */
    private static final String LEVEL_SHARE = "ALF-01.";

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;

    public AssessmentIndicators(IndicatorCatalogue catalogue, ValueStore values) {
        this.catalogue = catalogue;
        this.values = values;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessment(AssessmentCompleted assessment) {
        onAssessments(List.of(assessment));
    }

    /**
     * Stores the facts of a batch of assessments and recomputes what they affect, with a constant number of
     * statements for the batch. Of several versions of one unit's assessment only the highest counts, and a version
     * not newer than the stored one changes nothing (events of one unit may arrive again or out of order).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessments(List<AssessmentCompleted> assessments) {
        Map<UnitAssessmentEntity.Key, AssessmentCompleted> latest = new LinkedHashMap<>();
        for (AssessmentCompleted a : assessments) {
            latest.merge(new UnitAssessmentEntity.Key(a.unitId(), a.campaignId()), a,
                    (earlier, later) -> later.version() > earlier.version() ? later : earlier);
        }
        if (latest.isEmpty()) {
            return;
        }
        Map<UnitAssessmentEntity.Key, UnitAssessmentEntity> stored = new HashMap<>();
        for (UnitAssessmentEntity unit : UnitAssessmentEntity.<UnitAssessmentEntity>list(
                "unitId in ?1 and campaignId in ?2",
                latest.keySet().stream().map(UnitAssessmentEntity.Key::unitId).distinct().toList(),
                latest.keySet().stream().map(UnitAssessmentEntity.Key::campaignId).distinct().toList())) {
            stored.put(new UnitAssessmentEntity.Key(unit.unitId, unit.campaignId), unit);
        }
        List<UnitAssessmentEntity> changed = new ArrayList<>(latest.size());
        for (Map.Entry<UnitAssessmentEntity.Key, AssessmentCompleted> entry : latest.entrySet()) {
            AssessmentCompleted assessment = entry.getValue();
            UnitAssessmentEntity unit = stored.get(entry.getKey());
            if (unit != null && unit.assessmentVersion >= assessment.version()) {
                continue;
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
            changed.add(unit);
        }
        UnitAssessmentEntity.flush();
        recompute(changed);
    }

    /** {@link #recompute(List)} for one unit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(UnitAssessmentEntity unit) {
        recompute(List.of(unit));
    }

    /**
     * Recomputes every assessment indicator of the given units, and marks the aggregates above them to be summed
     * again by {@link RollUps} (the units' level means are computed here; those above them after the sums). The
     * units' values are written together, whatever their number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(List<UnitAssessmentEntity> units) {
        if (units.isEmpty()) {
            return;
        }
        List<Compiled> indicators = catalogue.byFeed(IndicatorDefinition.FEED_ASSESSMENT);
        List<ValueStore.NewValue> unitValues = new ArrayList<>(indicators.size() * units.size());
        // period -> unit -> region, for the level means and the marks
        Map<String, Map<String, String>> byPeriod = new LinkedHashMap<>();
        for (UnitAssessmentEntity unit : units) {
            String period = Periods.evaluationRound(unit.campaignId);
            byPeriod.computeIfAbsent(period, p -> new LinkedHashMap<>()).put(unit.unitId, unit.regionCode);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("levels", unit.levels);
            inputs.put("allMet", unit.allMet);
            inputs.put("pendingReviews", unit.pendingReviews);
            inputs.put("metCount", unit.metCount);
            for (Compiled indicator : indicators) {
                // no assessment version here: a new version that leaves a value as it was adds no history row and
                // no event (a re-assessment changing one level would otherwise republish every indicator of a unit)
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("campaignId", unit.campaignId);
                // pending units are shown next to the value: they make it provisional
                details.put("counts", Map.of("units", 1, "pendingUnits", unit.pendingReviews > 0 ? 1 : 0));
                unitValues.add(new ValueStore.NewValue(indicator.definition(), unit.unitId, OrgUnitLevel.UNIT,
                        unit.regionCode, period, indicator.evaluate(inputs).orElse(null), details));
            }
        }
        values.recordAll(unitValues);
        List<IndicatorDefinition> definitions = indicators.stream().map(Compiled::definition).toList();
        for (Map.Entry<String, Map<String, String>> period : byPeriod.entrySet()) {
            levelMeans(OrgUnitLevel.UNIT, period.getKey(), period.getValue());
            for (String regionCode : new TreeSet<>(period.getValue().values())) {
                values.rollUpSoon(definitions, OrgUnitLevel.UNIT, period.getKey(), regionCode);
            }
        }
    }

    /** The level means of the given regions, the ALF regions and the nation, from their summed level shares. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void levelMeansAbove(Collection<String> regionCodes, String period) {
        Map<String, String> regions = new LinkedHashMap<>();
        regionCodes.forEach(code -> regions.put(code, code));
        levelMeans(OrgUnitLevel.REGION, period, regions);
        levelMeans(OrgUnitLevel.ALF, period, Collections.singletonMap(OrgUnitLevel.ALF_ID, null));
        levelMeans(OrgUnitLevel.NATION, period, Collections.singletonMap(OrgUnitLevel.NATION_ID, null));
    }

    /**
     * ALF-04 is the one summed-ratio exception: the unweighted mean of the level shares at the org unit itself,
     * computed from the unrounded ALF-01 parts there, never from lower-level means. One query reads the shares of all
     * the given org units of a level.
     *
     * @param orgUnits org unit to its region code (null above regions)
     */
    private void levelMeans(OrgUnitLevel level, String period, Map<String, String> orgUnits) {
        if (orgUnits.isEmpty()) {
            return;
        }
        List<String> shareCodes = catalogue.byFeed(IndicatorDefinition.FEED_ASSESSMENT).stream()
                .map(c -> c.definition().code()).filter(code -> code.startsWith(LEVEL_SHARE)).toList();
        Map<String, Map<Integer, BigDecimal>> shares = new HashMap<>();
        if (!shareCodes.isEmpty()) {
            // native, so that the shares read do not become managed entities the session dirty-checks at every flush
            for (Object row : IndicatorValueEntity.getEntityManager().createNativeQuery("select org_unit, indicator,"
                    + " numerator, denominator from indicator_value where indicator in (:codes)"
                    + " and org_unit in (:orgUnits) and period = :period and org_unit_level = :level and latest"
                    + " and denominator > 0")
                    .setParameter("codes", shareCodes).setParameter("orgUnits", orgUnits.keySet())
                    .setParameter("period", period).setParameter("level", level.name()).getResultList()) {
                Object[] cells = (Object[]) row;
                shares.computeIfAbsent((String) cells[0], k -> new HashMap<>()).put(
                        Integer.valueOf(((String) cells[1]).substring(LEVEL_SHARE.length())),
                        ((BigDecimal) cells[2]).multiply(HUNDRED).divide((BigDecimal) cells[3],
                                MathContext.DECIMAL64));
            }
        }
        List<ValueStore.NewValue> means = new ArrayList<>();
        for (Map.Entry<String, String> orgUnit : orgUnits.entrySet()) {
            Map<Integer, BigDecimal> own = shares.getOrDefault(orgUnit.getKey(), Map.of());
            for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_LEVEL_MEAN)) {
                List<Integer> set = indicator.definition().minimumLevels();
                BigDecimal sum = BigDecimal.ZERO;
                int count = 0;
                for (Integer n : set) {
                    if (own.containsKey(n)) {
                        sum = sum.add(own.get(n));
                        count++;
                    }
                }
                Map<String, Object> inputs = new LinkedHashMap<>();
                inputs.put("shareSum", sum.setScale(6, RoundingMode.HALF_UP));
                inputs.put("levelsWithShare", count);
                Map<String, Object> details = new LinkedHashMap<>(inputs);
                details.put("levelsInSet", set.size());
                means.add(new ValueStore.NewValue(indicator.definition(), orgUnit.getKey(), level,
                        orgUnit.getValue(), period, indicator.evaluate(inputs).orElse(null), details));
            }
        }
        values.recordAll(means);
    }

}
