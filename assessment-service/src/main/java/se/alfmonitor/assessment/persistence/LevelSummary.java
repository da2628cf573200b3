package se.alfmonitor.assessment.persistence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * What re-assessing needs of a stored level besides its number: its area and outcome, whether an assessor's
 * decision or a site-visit override is part of its explanation (such a level is always evaluated again), and which
 * row holds its explanation when the level is stored as a stub ({@link CarriedLevels}; null when the row itself
 * does). Stored as a JSON array {@code [number, area, outcome, decidedApart, textIn]} in the column
 * {@code level_summary} (V4; summaries written before V5 end after {@code decidedApart}).
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "number", "area", "outcome", "decidedApart", "textIn" })
public record LevelSummary(int number, String area, LevelOutcome outcome, boolean decidedApart, Long textIn) {

    /** The summary of each of {@code levels} as stored (stubs included); none for none. */
    public static List<LevelSummary> of(List<AssessmentCompleted.Level> levels) {
        if (levels == null) {
            return List.of();
        }
        return levels.stream().map(l -> new LevelSummary(l.number(), l.area(), l.outcome(),
                l.explanation() != null && (l.explanation().has("override") || l.explanation().has("review")),
                CarriedLevels.carriedFrom(l)))
                .toList();
    }
}
