package se.alfmonitor.survey.api.imports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.imports.ImportRun;

/** The audit record of one bulk import: who ran it, when, in which format, and its summary. */
public record ImportRunDto(UUID id, String actor, String regionCode,
        @Schema(enumeration = { "JSON", "CSV" }) String format, boolean dryRun,
        Instant startedAt, Instant finishedAt, Map<String, Object> summary) {

    static ImportRunDto from(ImportRun r) {
        return new ImportRunDto(r.id(), r.actor(), r.regionCode(), r.format(), r.dryRun(), r.startedAt(),
                r.finishedAt(), r.summary());
    }
}
