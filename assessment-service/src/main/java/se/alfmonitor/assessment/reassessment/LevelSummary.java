package se.alfmonitor.assessment.reassessment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * What re-assessing needs of a stored level besides its number: its area and outcome, whether an assessor's
 * decision or a site-visit override is part of its explanation ({@code decidedApart}), the decision as the
 * explanation names it when no override is part of it ({@code review}), and which row holds its explanation when
 * the level is stored as a stub ({@link CarriedLevels}; null when the row itself does). A level decided apart is
 * evaluated again, unless its decision is still the one named. Stored as a JSON array
 * {@code [number, area, outcome, decidedApart, textIn, review]} in the column {@code level_summary} (V4; summaries
 * written before V5 end after {@code decidedApart}, and their levels decided apart are always evaluated again).
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "number", "area", "outcome", "decidedApart", "textIn", "review" })
public record LevelSummary(int number, String area, LevelOutcome outcome, boolean decidedApart, Long textIn,
        Review review) {

    /** An assessor's decision on an example as a level's explanation names it ({@code explanation.review}). */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({ "id", "status", "comment", "decidedBy" })
    public record Review(String id, String status, String comment, String decidedBy) {

        static Review of(JsonNode review) {
            return new Review(text(review.get("id")), text(review.get("status")), text(review.get("comment")),
                    text(review.get("decidedBy")));
        }

        /** As the explanation names it (its example item left out). */
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("status", status).put("id", id).put("comment", comment)
                    .put("decidedBy", decidedBy);
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    /**
     * The summary of each of {@code levels} as stored, stubs included: a stub of a level decided apart holds the
     * decision its row's level names ({@link CarriedLevels#stub}). None for none.
     */
    public static List<LevelSummary> of(List<AssessmentCompleted.Level> levels) {
        if (levels == null) {
            return List.of();
        }
        return levels.stream().map(LevelSummary::of).toList();
    }

    private static LevelSummary of(AssessmentCompleted.Level level) {
        JsonNode explanation = level.explanation();
        boolean override = explanation != null && explanation.has("override");
        JsonNode review = explanation == null ? null : explanation.get("review");
        return new LevelSummary(level.number(), level.area(), level.outcome(), override || review != null,
                CarriedLevels.carriedFrom(level), review == null || override ? null : Review.of(review));
    }
}
