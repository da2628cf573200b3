package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transition of a submission: {@code DRAFT_CREATED}, {@code DRAFT_SAVED}, {@code SUBMITTED}, {@code AMENDED},
 * {@code RETURNED} or {@code LOCKED}, with the status and revision after it and the answers it changed
 * ({@code [{item, before, after}]}; a missing {@code before} or {@code after} means the item was not answered).
 */
public record HistoryEntry(
        String action,
        String status,
        int revision,
        String actor,
        Instant at,
        String comment,
        UUID importId,
        List<Map<String, Object>> changes) {
}
