package se.alfmonitor.survey.api.submissions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.submissions.Transition;

/**
 * One transition of a submission: {@code DRAFT_CREATED}, {@code DRAFT_SAVED}, {@code SUBMITTED}, {@code AMENDED},
 * {@code RETURNED} or {@code LOCKED}, with the status and revision after it and the answers it changed
 * ({@code [{item, before, after}]}; a missing {@code before} or {@code after} means the item was not answered).
 */
public record HistoryEntry(
        @Schema(enumeration = { "DRAFT_CREATED", "DRAFT_SAVED", "SUBMITTED", "AMENDED", "RETURNED", "LOCKED" })
        String action,
        @Schema(enumeration = { "DRAFT", "SUBMITTED", "RETURNED", "LOCKED" }) String status,
        int revision,
        String actor,
        Instant at,
        String comment,
        UUID importId,
        List<Map<String, Object>> changes) {

    static HistoryEntry from(Transition t) {
        return new HistoryEntry(t.action(), t.status(), t.revision(), t.actor(), t.at(), t.comment(), t.importId(),
                t.changes());
    }
}
