package se.alfmonitor.survey.imports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The audit record of one bulk import: who ran it, when, in which format, and its summary as stored. */
public record ImportRun(UUID id, String actor, String regionCode, String format, boolean dryRun,
        Instant startedAt, Instant finishedAt, Map<String, Object> summary) {
}
