package se.alfmonitor.survey.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change of a unit or a campaign: what was done, by whom, when, and every changed field as
 * {@code {field, before, after}} (a missing side was absent or null).
 */
public record RegistryChange(String action, String actor, Instant at, List<Map<String, Object>> changes) {
}
