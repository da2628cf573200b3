package se.alfmonitor.survey.submissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How two answer sets compare: as stored, and item by item for the audit history. */
final class AnswerDiff {

    private final ObjectMapper mapper;

    AnswerDiff(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The answers as they compare after a round trip through storage, so that identical content is recognised
     * whatever number types or key order it arrived with.
     */
    JsonNode canonical(Object answers) {
        try {
            return mapper.readTree(mapper.writeValueAsBytes(answers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code [{item, before, after}]} for every item whose answer differs; absent sides are left out. */
    List<Map<String, Object>> diff(JsonNode before, JsonNode after) {
        Set<String> items = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(items::add);
        before.fieldNames().forEachRemaining(items::add);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String item : items) {
            JsonNode was = before.get(item);
            JsonNode is = after.get(item);
            if (Objects.equals(was, is)) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("item", item);
            if (was != null) {
                change.put("before", mapper.convertValue(was, Object.class));
            }
            if (is != null) {
                change.put("after", mapper.convertValue(is, Object.class));
            }
            changes.add(change);
        }
        return changes;
    }
}
