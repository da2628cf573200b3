package se.alfmonitor.assessment.simulation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a candidate rule set would change in one campaign, stored with the simulation ({@code result}). The units
 * whose outcome changes are listed apart ({@link UnitChange}), as rows.
 *
 * @param ruleSetsBefore how many of the units evaluated are assessed under each rule set version now
 * @param unitsChanged the units with at least one level whose outcome changes
 * @param levelsChanged the unit levels whose outcome changes
 */
public record SimulationResult(Map<String, Integer> ruleSetsBefore, ComplianceMatrix before, ComplianceMatrix after,
        ComplianceMatrix.Delta delta, int unitsChanged, int levelsChanged, MeetingAll unitsMeetingAll,
        Reviews reviews) {

    /**
     * The units meeting all 27 levels now and under the candidate.
     *
     * @param gained units that meet all levels only under the candidate
     * @param lost units that meet all levels now but not under the candidate
     */
    public record MeetingAll(int before, int after, List<String> gained, List<String> lost) {
    }

    /**
     * The review queue as the candidate would change it.
     *
     * @param wouldOpen examples the candidate asks an assessor to judge that are not in the queue (or were
     *        superseded)
     * @param wouldClose pending review items whose level the candidate decides without them
     */
    public record Reviews(List<ReviewItem> wouldOpen, List<ReviewItem> wouldClose) {
    }

    /** @param reviewId the review item, when one exists */
    public record ReviewItem(String unitId, String regionCode, int level, String itemId, UUID reviewId) {
    }
}
