package se.alfmonitor.survey.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.audit.RegistryChange;

/**
 * One entry of a unit's or a campaign's history: what was done, by whom, when, and every changed field as
 * {@code {field, before, after}} (a missing {@code before} or {@code after} means the field was empty).
 */
public record RegistryChangeDto(
        @Schema(enumeration = { "CREATED", "UPDATED", "LOCKED" },
                description = "CREATED and UPDATED for units and campaigns; LOCKED for campaigns") String action,
        String actor,
        Instant at,
        List<Map<String, Object>> changes) {

    public static RegistryChangeDto from(RegistryChange c) {
        return new RegistryChangeDto(c.action(), c.actor(), c.at(), c.changes());
    }
}
