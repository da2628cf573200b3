package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.alfmonitor.survey.persistence.SubmissionEventEntity;

/**
 * One entry of a submission's audit history: the action ({@code DRAFT_CREATED}, {@code DRAFT_SAVED},
 * {@code SUBMITTED}, {@code AMENDED}, {@code RETURNED}, {@code LOCKED}), the status and revision after it, and the
 * answers it changed ({@code [{item, before, after}]}, as {@link AnswerDiff} writes them).
 */
public record Transition(
        String action,
        String status,
        int revision,
        String actor,
        Instant at,
        String comment,
        UUID importId,
        List<Map<String, Object>> changes) {

    static Transition of(SubmissionEventEntity e) {
        return new Transition(e.action, e.status, e.revision, e.actor, e.at, e.comment, e.importId, e.changes);
    }
}
