package se.alfmonitor.assessment.persistence;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * What re-assessing needs of a stored level besides its number: its area and outcome, and whether an assessor's
 * decision or a site-visit override is part of its explanation (such a level is always evaluated again). Stored as
 * a JSON array {@code [number, area, outcome, decidedApart]} in the column {@code level_summary} (V4).
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "number", "area", "outcome", "decidedApart" })
public record LevelSummary(int number, String area, LevelOutcome outcome, boolean decidedApart) {

    /** The summary of each of {@code levels}; none for none. */
    public static List<LevelSummary> of(List<AssessmentCompleted.Level> levels) {
        if (levels == null) {
            return List.of();
        }
        return levels.stream().map(l -> new LevelSummary(l.number(), l.area(), l.outcome(),
                l.explanation() != null && (l.explanation().has("override") || l.explanation().has("review"))))
                .toList();
    }
}
