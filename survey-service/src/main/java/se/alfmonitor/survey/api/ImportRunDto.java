package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The audit record of one bulk import: who ran it, when, in which format, and its summary. */
public record ImportRunDto(UUID id, String actor, String regionCode, String format, boolean dryRun,
        Instant startedAt, Instant finishedAt, Map<String, Object> summary) {
}
