package se.alfmonitor.survey.questionnaire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A questionnaire definition as a JSON Schema (draft 2020-12) of the {@code answers} object, so that a region's IT
 * system can check a submission offline with any JSON Schema validator before it sends it. It is generated from the
 * same definition {@link AnswerValidator} reads and says what the validator says in each mode:
 * <ul>
 * <li>{@link AnswerValidator.Mode#DRAFT}: item ids, types, options, years, ranges, lengths, table columns and row
 * maximums;</li>
 * <li>{@link AnswerValidator.Mode#COMPLETE} adds required items, years and table columns, non-blank required texts,
 * row minimums, and the {@code enabledWhen} conditions: an item whose condition does not hold must be left out.</li>
 * </ul>
 * Three rules have no JSON Schema form and are left to the server: rows of a table with {@code uniqueColumns} must
 * differ in those columns, a {@code REFERENCE} must name a row that exists in its table (both named in a
 * {@code $comment}), and a whole number must be written without a fraction ({@code 3}, not {@code 3.0}, which JSON
 * Schema counts as an integer).
 */
public final class AnswerSchema {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Only the characters {@link Character#isWhitespace} counts, as {@link String#isBlank} does. */
    private static final String BLANK = "^[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006"
            + "\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]*$";

    private AnswerSchema() {
    }

    public static ObjectNode of(QuestionnaireDefinition definition, AnswerValidator.Mode mode) {
        boolean complete = mode == AnswerValidator.Mode.COMPLETE;
        Map<String, Item> items = definition.answerable();
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", "urn:alf-monitor:questionnaire:" + definition.key() + ":" + definition.version() + ":"
                + mode.name().toLowerCase());
        schema.put("title", definition.titleSv());
        schema.put("description", "The answers object of a submission of " + definition.key() + " "
                + definition.version() + (complete ? ", as it must be to be submitted" : ", as a draft may hold it")
                + (definition.titleEn() == null ? "" : " (" + definition.titleEn() + ")"));
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        ArrayNode conditions = JSON.arrayNode();
        for (Item item : items.values()) {
            properties.set(item.id(), item(item, complete));
            if (!complete) {
                continue;
            }
            if (item.enabledWhen() == null) {
                if (item.isRequired()) {
                    required.add(item.id());
                }
            } else {
                conditions.add(condition(item, items));
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        if (!conditions.isEmpty()) {
            schema.set("allOf", conditions);
        }
        return schema;
    }

    /** An item with a condition: required (when it is) while the condition holds, absent while it does not. */
    private static ObjectNode condition(Item item, Map<String, Item> items) {
        EnabledWhen when = item.enabledWhen();
        ArrayNode holds = JSON.arrayNode();
        for (String source : when.sources()) {
            Item sourceItem = items.get(source);
            ObjectNode match = JSON.objectNode();
            ArrayNode values = JSON.arrayNode();
            when.anyOf().forEach(values::add);
            if (sourceItem != null && sourceItem.type() == ItemType.MULTI_CHOICE) {
                match.put("type", "array");
                match.putObject("contains").set("enum", values);
            } else {
                match.set("enum", values);
            }
            ObjectNode answered = JSON.objectNode();
            answered.putArray("required").add(source);
            answered.putObject("properties").set(source, match);
            holds.add(answered);
        }
        ObjectNode rule = JSON.objectNode();
        rule.put("$comment", "Item " + item.id() + " is asked only when " + String.join(" or ", when.sources())
                + " is one of " + when.anyOf());
        if (holds.size() == 1) {
            rule.set("if", holds.get(0));
        } else {
            rule.putObject("if").set("anyOf", holds);
        }
        ObjectNode then = rule.putObject("then");
        if (item.isRequired()) {
            then.putArray("required").add(item.id());
        }
        rule.putObject("else").putObject("not").putArray("required").add(item.id());
        return rule;
    }

    private static ObjectNode item(Item item, boolean complete) {
        ObjectNode schema = value(item, complete, item.noDataAllowed());
        if (item.textSv() != null) {
            schema.put("title", item.textSv());
        }
        if (item.textEn() != null) {
            schema.put("description", item.textEn());
        }
        return schema;
    }

    /** The schema of one value of the item; {@code nullable} when null ("no data") is an answer. */
    private static ObjectNode value(Item item, boolean complete, boolean nullable) {
        ObjectNode schema = JSON.objectNode();
        switch (item.type()) {
            case SINGLE_CHOICE, YEARLY_CHOICE -> {
                ArrayNode codes = schema.putArray("enum");
                item.options().forEach(o -> codes.add(o.code()));
                if (nullable) {
                    codes.addNull();
                }
                if (item.type() == ItemType.YEARLY_CHOICE) {
                    return yearly(item, schema, complete);
                }
            }
            case INTEGER, YEARLY_INTEGER -> {
                type(schema, "integer", nullable);
                if (item.min() != null) {
                    schema.put("minimum", item.min());
                }
                if (item.max() != null) {
                    schema.put("maximum", item.max());
                }
                if (item.type() == ItemType.YEARLY_INTEGER) {
                    return yearly(item, schema, complete);
                }
            }
            case MULTI_CHOICE -> {
                type(schema, "array", nullable);
                schema.put("uniqueItems", true);
                ArrayNode codes = schema.putObject("items").putArray("enum");
                item.options().forEach(o -> codes.add(o.code()));
            }
            case TEXT -> {
                type(schema, "string", nullable);
                if (item.maxLength() != null) {
                    schema.put("maxLength", item.maxLength());
                }
                if (Item.DECIMAL.equals(item.format())) {
                    // as AnswerValidator's DECIMAL: an optional sign, "." or "," as the separator
                    schema.put("pattern", "^[+-]?\\d{1,15}([.,]\\d{1,15})?$");
                }
                ArrayNode all = JSON.arrayNode();
                all.addObject().putObject("not").put("type", "string").put("pattern", "\\u0000");
                if (complete && item.isRequired()) {
                    all.addObject().putObject("not").put("type", "string").put("pattern", BLANK);
                }
                schema.set("allOf", all);
            }
            case REFERENCE -> reference(item, schema, nullable);
            case DATE -> {
                type(schema, "string", nullable);
                schema.put("format", "date");
                schema.put("pattern", "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$");
            }
            case TABLE -> table(item, schema, complete, nullable);
            case GROUP -> throw new IllegalArgumentException("A group takes no value: " + item.id());
        }
        return schema;
    }

    /** The key of a row of another table item (an array of distinct keys when {@code multiple}). */
    private static void reference(Item item, ObjectNode schema, boolean nullable) {
        ObjectNode key = JSON.objectNode();
        key.put("type", "string");
        ArrayNode all = key.putArray("allOf");
        all.addObject().putObject("not").put("type", "string").put("pattern", BLANK);
        all.addObject().putObject("not").put("type", "string").put("pattern", "\\u0000");
        String names = "the " + item.references().column() + " of a row of " + item.references().item()
                + " (checked by the server)";
        if (item.isMultiple()) {
            type(schema, "array", nullable);
            schema.put("uniqueItems", true);
            schema.set("items", key);
            schema.put("$comment", "Each key must be " + names);
        } else {
            if (nullable) {
                key.putArray("type").add("string").add("null");
            }
            schema.setAll(key);
            schema.put("$comment", "Must be " + names);
        }
    }

    /** An object from year to the item's value; every year required of a required item in a complete answer. */
    private static ObjectNode yearly(Item item, ObjectNode cell, boolean complete) {
        ObjectNode schema = JSON.objectNode();
        type(schema, "object", item.noDataAllowed());
        schema.put("additionalProperties", false);
        ObjectNode years = schema.putObject("properties");
        item.years().forEach(year -> years.set(year, cell.deepCopy()));
        if (complete && item.isRequired()) {
            ArrayNode required = schema.putArray("required");
            item.years().forEach(required::add);
        }
        return schema;
    }

    /** An array of row objects; a cell may be null or left out ("not available") unless its column is required. */
    private static void table(Item item, ObjectNode schema, boolean complete, boolean nullable) {
        type(schema, "array", nullable);
        if (item.maxRows() != null) {
            schema.put("maxItems", item.maxRows());
        }
        if (complete && item.minRows() != null) {
            schema.put("minItems", item.minRows());
        }
        if (!item.uniqueColumns().isEmpty()) {
            schema.put("$comment", "Rows must differ in " + String.join(", ", item.uniqueColumns())
                    + " (checked by the server)");
        }
        ObjectNode row = schema.putObject("items");
        row.put("type", "object");
        row.put("additionalProperties", false);
        ObjectNode columns = row.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Item column : item.columns()) {
            boolean mustHaveValue = complete && column.isRequired();
            ObjectNode cell = value(column, complete, !mustHaveValue);
            if (column.textSv() != null) {
                cell.put("title", column.textSv());
            }
            columns.set(column.id(), cell);
            if (mustHaveValue) {
                required.add(column.id());
            }
        }
        if (!required.isEmpty()) {
            row.set("required", required);
        }
    }

    private static void type(ObjectNode schema, String type, boolean nullable) {
        if (nullable) {
            schema.putArray("type").add(type).add("null");
        } else {
            schema.put("type", type);
        }
    }
}
