package se.alfmonitor.indicator.indicators;

import java.util.ArrayList;
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
import se.alfmonitor.indicator.rollup.RollUpMarks;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;

/**
 * The indicators computed from assessments (ALF-01.n, ALF-02, ALF-03.area), and the unit's level means
 * ({@link LevelMeans}). An assessment recomputes only the series points it affects: the unit's now, its region's,
 * the ALF regions' and the nation's through the roll-up ({@link RollUpMarks}).
 */
@ApplicationScoped
public class AssessmentIndicators {

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;
    private final LevelMeans levelMeans;
    private final RollUpMarks marks;

    public AssessmentIndicators(IndicatorCatalogue catalogue, ValueStore values, LevelMeans levelMeans,
            RollUpMarks marks) {
        this.catalogue = catalogue;
        this.values = values;
        this.levelMeans = levelMeans;
        this.marks = marks;
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
     * again by the roll-up (the units' level means are computed here; those above them after the sums). The
     * units' values are written together, whatever their number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(List<UnitAssessmentEntity> units) {
        if (units.isEmpty()) {
            return;
        }
        List<Compiled> indicators = catalogue.byFeed(IndicatorDefinition.FEED_ASSESSMENT);
        List<NewValue> unitValues = new ArrayList<>(indicators.size() * units.size());
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
                unitValues.add(new NewValue(indicator.definition(), unit.unitId, OrgUnitLevel.UNIT,
                        unit.regionCode, period, indicator.evaluate(inputs).orElse(null), details));
            }
        }
        values.recordAll(unitValues);
        List<IndicatorDefinition> definitions = indicators.stream().map(Compiled::definition).toList();
        for (Map.Entry<String, Map<String, String>> period : byPeriod.entrySet()) {
            levelMeans.at(OrgUnitLevel.UNIT, period.getKey(), period.getValue());
            for (String regionCode : new TreeSet<>(period.getValue().values())) {
                marks.rollUpSoon(definitions, OrgUnitLevel.UNIT, period.getKey(), regionCode);
            }
        }
    }
}
