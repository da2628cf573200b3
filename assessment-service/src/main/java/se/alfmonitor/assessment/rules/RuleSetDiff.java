package se.alfmonitor.assessment.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What differs between two rule sets, level by level, as the documents say it: the expressions ({@code met},
 * {@code notApplicable}, flags), the review and its criteria, the items read and every text. Fields of an object
 * (the review) are compared one by one ({@code review.criteriaSv}); lists (items, flags) as a whole. The version,
 * status and publication date are what always differ and are left out.
 */
public final class RuleSetDiff {

    private static final Set<String> NOT_COMPARED = Set.of("version", "status", "publishedAt", "levels");

    /** One field that differs; {@code from} or {@code to} is null where the field is absent. */
    public record FieldChange(String field, JsonNode from, JsonNode to) {
    }

    /**
     * @param status CHANGED, ADDED (only in {@code to}) or REMOVED (only in {@code from})
     */
    public record LevelChange(int number,
            @Schema(enumeration = { "CHANGED", "ADDED", "REMOVED" }) String status, List<FieldChange> changes) {
    }

    /**
     * @param ruleSet the rule set's own fields that differ (questionnaire, descriptions, ambiguities)
     * @param unchanged the numbers of the levels that are the same in both
     */
    public record Diff(String from, String to, List<FieldChange> ruleSet, List<LevelChange> levels,
            List<Integer> unchanged) {
    }

    private RuleSetDiff() {
    }

    public static Diff between(CompiledRuleSet from, CompiledRuleSet to) {
        List<FieldChange> ruleSet = compare(from.document(), to.document(), "", NOT_COMPARED);
        Map<Integer, JsonNode> before = byNumber(from.document().path("levels"));
        Map<Integer, JsonNode> after = byNumber(to.document().path("levels"));
        Set<Integer> numbers = new LinkedHashSet<>(new TreeMap<>(before).keySet());
        numbers.addAll(after.keySet());
        List<LevelChange> levels = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        for (int number : numbers.stream().sorted().toList()) {
            JsonNode a = before.get(number);
            JsonNode b = after.get(number);
            if (a == null || b == null) {
                levels.add(new LevelChange(number, a == null ? "ADDED" : "REMOVED", List.of()));
                continue;
            }
            List<FieldChange> changes = compare(a, b, "", Set.of());
            if (changes.isEmpty()) {
                unchanged.add(number);
            } else {
                levels.add(new LevelChange(number, "CHANGED", changes));
            }
        }
        return new Diff(from.version(), to.version(), ruleSet, levels, unchanged);
    }

    private static Map<Integer, JsonNode> byNumber(JsonNode levels) {
        Map<Integer, JsonNode> byNumber = new TreeMap<>();
        levels.forEach(level -> byNumber.put(level.path("number").asInt(), level));
        return byNumber;
    }

    /** The fields of two objects that differ, objects within them field by field; null and absent are the same. */
    private static List<FieldChange> compare(JsonNode a, JsonNode b, String prefix, Set<String> skip) {
        Set<String> fields = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(fields::add);
        for (Iterator<String> names = b.fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (skip.contains(field)) {
                continue;
            }
            JsonNode x = present(a.get(field));
            JsonNode y = present(b.get(field));
            if (x == null && y == null || x != null && x.equals(y)) {
                continue;
            }
            if (x != null && y != null && x.isObject() && y.isObject()) {
                changes.addAll(compare(x, y, prefix + field + ".", Set.of()));
            } else {
                changes.add(new FieldChange(prefix + field, x, y));
            }
        }
        return changes;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node instanceof NullNode || node instanceof MissingNode ? null : node;
    }
}
