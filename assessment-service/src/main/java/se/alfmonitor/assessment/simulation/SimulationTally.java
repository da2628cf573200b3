package se.alfmonitor.assessment.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.reassessment.LevelSummary;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewRequest;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * Gathers a simulation unit by unit, from batches evaluated in parallel: the outcomes now (the stored latest
 * assessment) and under the candidate, counted into both compliance matrices at once; how many levels and units
 * change; the review items the candidate would open or close. The changed levels themselves are handed back to the
 * caller, which stores them batch by batch, so memory holds counts and unit ids, not explanations.
 */
final class SimulationTally {

    private final Map<Integer, String> areas = new LinkedHashMap<>();
    private final ComplianceMatrix.Counter before;
    private final ComplianceMatrix.Counter after;
    private final TreeSet<String> regions = new TreeSet<>();
    private final Map<String, Integer> ruleSetsBefore = new TreeMap<>();
    private int changedUnits;
    private int levelsChanged;
    private final List<String> gained = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private final List<SimulationResult.ReviewItem> wouldOpen = new ArrayList<>();
    private final List<SimulationResult.ReviewItem> wouldClose = new ArrayList<>();
    private int meetingAllBefore;
    private int meetingAllAfter;

    SimulationTally(CompiledRuleSet candidate) {
        candidate.levels().forEach(l -> areas.put(l.rule().number(), l.rule().area()));
        before = new ComplianceMatrix.Counter(areas);
        after = new ComplianceMatrix.Counter(areas);
    }

    /** An example the candidate asks an assessor to judge that the queue does not hold. */
    synchronized void wouldOpen(AssessmentEntity unit, ReviewRequest request) {
        wouldOpen.add(new SimulationResult.ReviewItem(unit.unitId, unit.regionCode, request.level(),
                request.itemId(), null));
    }

    /**
     * @param stored the unit's levels as its latest assessment stores them
     * @param evaluated its levels under the candidate, decisions and overrides in force applied
     * @return the unit's levels whose outcome changes, with the candidate's explanation
     */
    synchronized List<UnitChange> add(AssessmentEntity unit, List<LevelSummary> stored,
            List<LevelResult> evaluated) {
        regions.add(unit.regionCode);
        ruleSetsBefore.merge(unit.ruleSetVersion, 1, Integer::sum);
        LevelOutcome[] now = new LevelOutcome[areas.size()];
        Map<Integer, LevelSummary> storedByNumber = new LinkedHashMap<>();
        for (LevelSummary level : stored) {
            storedByNumber.put(level.number(), level);
            if (level.number() >= 1 && level.number() <= now.length) {
                now[level.number() - 1] = level.outcome();
            }
        }
        LevelOutcome[] then = new LevelOutcome[areas.size()];
        List<UnitChange> changes = new ArrayList<>();
        for (LevelResult level : evaluated) {
            then[level.number() - 1] = level.outcome();
            LevelSummary was = storedByNumber.get(level.number());
            LevelOutcome from = was == null ? null : was.outcome();
            if (from != level.outcome()) {
                changes.add(new UnitChange(unit.unitId, unit.regionCode, level.number(), from, level.outcome(),
                        level.explanation()));
            }
            // the candidate decides the level without the assessor's judgement it was waiting for
            if (from == LevelOutcome.PENDING_REVIEW && level.outcome() != LevelOutcome.PENDING_REVIEW
                    && !level.explanation().has("review")) {
                String reviewId = was.review() == null ? null : was.review().id();
                wouldClose.add(new SimulationResult.ReviewItem(unit.unitId, unit.regionCode, level.number(), null,
                        reviewId == null ? null : UUID.fromString(reviewId)));
            }
        }
        before.add(unit.regionCode, now);
        after.add(unit.regionCode, then);
        boolean allBefore = allFulfilled(now);
        boolean allAfter = allFulfilled(then);
        meetingAllBefore += allBefore ? 1 : 0;
        meetingAllAfter += allAfter ? 1 : 0;
        if (allAfter && !allBefore) {
            gained.add(unit.unitId);
        } else if (allBefore && !allAfter) {
            lost.add(unit.unitId);
        }
        changedUnits += changes.isEmpty() ? 0 : 1;
        levelsChanged += changes.size();
        return changes;
    }

    private static boolean allFulfilled(LevelOutcome[] outcomes) {
        for (LevelOutcome outcome : outcomes) {
            if (outcome == null || !outcome.fulfilled()) {
                return false;
            }
        }
        return outcomes.length > 0;
    }

    synchronized int levelsChanged() {
        return levelsChanged;
    }

    /** The review items in the order of unit and level, whatever order the batches came in. */
    synchronized SimulationResult result() {
        ComplianceMatrix now = before.matrix(regions);
        ComplianceMatrix then = after.matrix(regions);
        return new SimulationResult(ruleSetsBefore, now, then, ComplianceMatrix.delta(now, then), changedUnits,
                levelsChanged, new SimulationResult.MeetingAll(meetingAllBefore, meetingAllAfter,
                        gained.stream().sorted().toList(), lost.stream().sorted().toList()),
                new SimulationResult.Reviews(sorted(wouldOpen), sorted(wouldClose)));
    }

    private static List<SimulationResult.ReviewItem> sorted(List<SimulationResult.ReviewItem> items) {
        return items.stream().sorted(Comparator.comparing(SimulationResult.ReviewItem::unitId)
                .thenComparingInt(SimulationResult.ReviewItem::level)).toList();
    }
}
