package se.alfmonitor.assessment.simulation;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.events.LevelOutcome;

/**
 * A unit whose outcome of a level changes under the candidate.
 *
 * @param explanation the level's explanation under the candidate, in the shape an assessment's level carries it
 */
public record UnitChange(String unitId, String regionCode, int level, LevelOutcome from, LevelOutcome to,
        JsonNode explanation) {
}
