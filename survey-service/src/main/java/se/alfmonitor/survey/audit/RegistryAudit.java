package se.alfmonitor.survey.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.survey.persistence.RegistryEventEntity;

/** Writes and reads the audit history of units and campaigns ({@code registry_event}). */
@ApplicationScoped
public class RegistryAudit {

    /** What an audit entry is about. */
    public enum Subject {
        UNIT, CAMPAIGN
    }

    private final ObjectMapper json;

    public RegistryAudit(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records a change in the caller's transaction: {@code before} and {@code after} are the subject as the API shows
     * it (records; {@code before} null when it was created), compared field by field.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subject subject, String id, String action, String actor, Object before, Object after) {
        RegistryEventEntity event = new RegistryEventEntity();
        event.subject = subject.name();
        event.subjectId = id;
        event.action = action;
        event.actor = actor;
        event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonNode was = before == null ? json.createObjectNode() : json.valueToTree(before);
        JsonNode now = json.valueToTree(after);
        event.changes = diff(was, now);
        event.persist();
    }

    /** Every change of one subject, oldest first; empty when it never changed. */
    public List<RegistryChange> history(Subject subject, String id) {
        return RegistryEventEntity.<RegistryEventEntity>list("subject = ?1 and subjectId = ?2", Sort.by("id"),
                subject.name(), id).stream()
                .map(e -> new RegistryChange(e.action, e.actor, e.at, e.changes))
                .toList();
    }

    private List<Map<String, Object>> diff(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        before.fieldNames().forEachRemaining(fields::add);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode now = after.get(field);
            if (absent(was) && absent(now) || was != null && was.equals(now)) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", field);
            if (!absent(was)) {
                change.put("before", json.convertValue(was, Object.class));
            }
            if (!absent(now)) {
                change.put("after", json.convertValue(now, Object.class));
            }
            changes.add(change);
        }
        return changes;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
