package se.alfmonitor.indicator.indicators;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns questionnaire answers into the named inputs of the catalogue's formulas.
 * <ul>
 * <li>{@code INTEGER}, choice and text answers keep their item id; "no data" (null) answers are left out, so a
 * formula that needs them cannot be evaluated and the unit counts as not covered.</li>
 * <li>{@code YEARLY_*} answers become the value of the period's year when a year is given, otherwise a map.</li>
 * <li>{@code TABLE} answers become sums of their number columns, in total ({@code s1}) and per value of each choice
 * column ({@code s1_P1}, {@code s1_KVINNOR}) and pair of choice columns ({@code s1_P1_KVINNOR}); empty cells are
 * left out of the sums.</li>
 * </ul>
 */
public final class AnswerInputs {

    private static final int MAX_MATRIX_ROWS = 50;

    private AnswerInputs() {
    }

    public static Map<String, Object> of(JsonNode answers, String year) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isObject() && isYearly(value)) {
                if (year != null) {
                    Object atYear = scalar(value.get(year));
                    if (atYear != null) {
                        inputs.put(field.getKey(), atYear);
                    }
                } else {
                    Map<String, Object> byYear = new LinkedHashMap<>();
                    value.fields().forEachRemaining(e -> {
                        Object v = scalar(e.getValue());
                        if (v != null) {
                            byYear.put(e.getKey(), v);
                        }
                    });
                    inputs.put(field.getKey(), byYear);
                }
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                sumTable(value, inputs);
            } else if (value.isArray()) {
                List<Object> list = new ArrayList<>();
                value.forEach(v -> list.add(scalar(v)));
                inputs.put(field.getKey(), list);
            } else {
                Object scalar = scalar(value);
                if (scalar != null) {
                    inputs.put(field.getKey(), scalar);
                }
            }
        }
        return inputs;
    }

    /** The years a yearly answer has a value for, in order. */
    public static List<String> years(JsonNode answer) {
        TreeSet<String> years = new TreeSet<>();
        if (answer != null && answer.isObject() && isYearly(answer)) {
            answer.fields().forEachRemaining(e -> years.add(e.getKey()));
        }
        return List.copyOf(years);
    }

    private static boolean isYearly(JsonNode object) {
        if (object.isEmpty()) {
            return false;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (!names.next().matches("\\d{4}")) {
                return false;
            }
        }
        return true;
    }

    private static void sumTable(JsonNode rows, Map<String, Object> inputs) {
        // long lists (study records) are record lists, not matrices: only their totals are inputs
        boolean matrix = rows.size() <= MAX_MATRIX_ROWS;
        for (JsonNode row : rows) {
            List<String> dimensions = new ArrayList<>();
            row.fields().forEachRemaining(e -> {
                if (matrix && e.getValue().isTextual() && e.getValue().asText().matches("[A-Za-z0-9_]{1,32}")) {
                    dimensions.add(e.getValue().asText());
                }
            });
            row.fields().forEachRemaining(e -> {
                if (!e.getValue().isIntegralNumber()) {
                    return;
                }
                long v = e.getValue().asLong();
                String column = e.getKey();
                add(inputs, column, v);
                for (int i = 0; i < dimensions.size(); i++) {
                    add(inputs, column + "_" + dimensions.get(i), v);
                    for (int j = i + 1; j < dimensions.size(); j++) {
                        add(inputs, column + "_" + dimensions.get(i) + "_" + dimensions.get(j), v);
                    }
                }
            });
        }
    }

    private static void add(Map<String, Object> inputs, String key, long value) {
        inputs.merge(key, value, (a, b) -> (Long) a + (Long) b);
    }

    static Object scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return null;
    }
}
