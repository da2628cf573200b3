package se.alfmonitor.survey.questionnaire;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.survey.persistence.StorableText;

/**
 * The one place that decides whether an {@code answers} object fits a questionnaire definition. It walks the
 * definition and the answers and returns every problem at once, each with a JSON Pointer into the request body
 * ({@code /answers/15/2019}, {@code /answers/staffComposition/3/s1}).
 *
 * <p>
 * {@link Mode#DRAFT} checks structure only (unknown items, types, options, ranges, lengths, decimal numbers), because
 * a draft is work in progress. {@link Mode#COMPLETE} adds what needs the whole answer set: required items, items
 * answered while their condition hides them, table row minimums and that every REFERENCE names a row of its table
 * ({@link References}).
 */
public final class AnswerValidator {

    public enum Mode {
        DRAFT,
        COMPLETE
    }

    private static final String ROOT = "/answers";
    /** A decimal number with an optional sign and {@code .} or {@code ,} as the decimal separator (AMB-R17). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}([.,]\\d{1,15})?");

    private AnswerValidator() {
    }

    public static List<FieldError> validate(QuestionnaireDefinition definition, JsonNode answers, Mode mode) {
        List<FieldError> errors = new ArrayList<>();
        if (answers == null || answers.isNull() || answers.isMissingNode()) {
            errors.add(new FieldError("REQUIRED_MISSING", ROOT, "answers is required"));
            return errors;
        }
        if (!answers.isObject()) {
            errors.add(new FieldError("WRONG_TYPE", ROOT, "answers must be an object from item id to value"));
            return errors;
        }
        Map<String, Item> items = definition.answerable();
        Set<String> groups = Set.copyOf(definition.groupIds());
        Conditions conditions = new Conditions(items, answers);

        Iterator<Map.Entry<String, JsonNode>> fields = answers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String pointer = ROOT + "/" + escape(field.getKey());
            Item item = items.get(field.getKey());
            if (item == null) {
                if (groups.contains(field.getKey())) {
                    errors.add(new FieldError("GROUP_NOT_ANSWERABLE", pointer, "Item " + field.getKey()
                            + " is a group; answer its sub-items under their own ids"));
                } else {
                    errors.add(new FieldError("UNKNOWN_ITEM", pointer, "No item " + field.getKey() + " in "
                            + definition.key() + " " + definition.version()));
                }
                continue;
            }
            value(item, field.getValue(), pointer, mode, errors);
            if (mode == Mode.COMPLETE && !conditions.enabled(item)) {
                errors.add(new FieldError("HIDDEN_ITEM_ANSWERED", pointer, "Item " + item.id()
                        + " is not asked given the answer to " + String.join(" or ", item.enabledWhen().sources())
                        + "; leave it out"));
            }
        }

        if (mode == Mode.COMPLETE) {
            for (Item item : items.values()) {
                if (item.isRequired() && !answers.has(item.id()) && conditions.enabled(item)) {
                    errors.add(new FieldError("REQUIRED_MISSING", ROOT + "/" + escape(item.id()),
                            "Item " + item.id() + " must be answered"));
                }
            }
            References.check(items, answers, ROOT, errors);
        }
        return errors;
    }

    private static void value(Item item, JsonNode value, String pointer, Mode mode, List<FieldError> errors) {
        if (value.isNull()) {
            if (!item.noDataAllowed()) {
                errors.add(new FieldError("WRONG_TYPE", pointer, "null (no data) is not an answer to " + item.id()
                        + "; leave the item out instead"));
            }
            return;
        }
        switch (item.type()) {
            case SINGLE_CHOICE -> choice(item, value, pointer, errors);
            case MULTI_CHOICE -> multiChoice(item, value, pointer, errors);
            case INTEGER -> integer(item, value, pointer, errors);
            case TEXT -> text(item, value, pointer, mode, errors);
            case REFERENCE -> reference(item, value, pointer, errors);
            case DATE -> date(value, pointer, errors);
            case YEARLY_INTEGER, YEARLY_CHOICE -> yearly(item, value, pointer, mode, errors);
            case TABLE -> table(item, value, pointer, mode, errors);
            case GROUP -> errors.add(new FieldError("GROUP_NOT_ANSWERABLE", pointer, "A group takes no value"));
        }
    }

    private static void choice(Item item, JsonNode value, String pointer, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected one option code as a string"));
        } else if (item.option(value.textValue()).isEmpty()) {
            errors.add(new FieldError("INVALID_OPTION", pointer, "'" + value.textValue() + "' is not an option of "
                    + item.id() + "; expected one of " + codes(item)));
        }
    }

    private static void multiChoice(Item item, JsonNode value, String pointer, List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected an array of option codes"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String at = pointer + "/" + i;
            if (!element.isTextual()) {
                errors.add(new FieldError("WRONG_TYPE", at, "Expected an option code as a string"));
            } else if (item.option(element.textValue()).isEmpty()) {
                errors.add(new FieldError("INVALID_OPTION", at, "'" + element.textValue() + "' is not an option of "
                        + item.id() + "; expected some of " + codes(item)));
            } else if (!seen.add(element.textValue())) {
                errors.add(new FieldError("DUPLICATE_OPTION", at, "'" + element.textValue() + "' is given twice"));
            }
        }
    }

    private static void integer(Item item, JsonNode value, String pointer, List<FieldError> errors) {
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected a whole number"
                    + (item.noDataAllowed() ? " or null for no data" : "")));
            return;
        }
        BigInteger number = value.bigIntegerValue();
        boolean belowMin = item.min() != null && number.compareTo(BigInteger.valueOf(item.min())) < 0;
        boolean aboveMax = item.max() != null && number.compareTo(BigInteger.valueOf(item.max())) > 0;
        if (belowMin || aboveMax) {
            errors.add(new FieldError("OUT_OF_RANGE", pointer, number + " is outside " + range(item)));
        }
    }

    private static void text(Item item, JsonNode value, String pointer, Mode mode, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected a string"));
            return;
        }
        String text = value.textValue();
        if (StorableText.containsNul(text)) {
            errors.add(new FieldError("INVALID_CHARACTER", pointer,
                    "Text must not contain the NUL character (U+0000)"));
        }
        int length = text.codePointCount(0, text.length());
        if (item.maxLength() != null && length > item.maxLength()) {
            errors.add(new FieldError("TOO_LONG", pointer, "Text of " + length + " characters exceeds the maximum of "
                    + item.maxLength()));
        }
        if (mode == Mode.COMPLETE && item.isRequired() && text.isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", pointer, "Item " + item.id() + " needs a non-blank text"));
        } else if (Item.DECIMAL.equals(item.format()) && !DECIMAL.matcher(text).matches()) {
            errors.add(new FieldError("INVALID_NUMBER", pointer, "'" + text + "' is not a decimal number such as "
                    + "12, 0.75 or 0,75"));
        }
    }

    /** One key (or, when the item takes several, an array of distinct keys); whether each names a row: References. */
    private static void reference(Item item, JsonNode value, String pointer, List<FieldError> errors) {
        if (!item.isMultiple()) {
            key(value, pointer, errors);
            return;
        }
        if (!value.isArray()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected an array of " + item.references().column()
                    + " values of " + item.references().item()));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            if (key(value.get(i), pointer + "/" + i, errors) && !seen.add(value.get(i).textValue())) {
                errors.add(new FieldError("DUPLICATE_REFERENCE", pointer + "/" + i, "'" + value.get(i).textValue()
                        + "' is given twice"));
            }
        }
    }

    private static boolean key(JsonNode value, String pointer, List<FieldError> errors) {
        if (!value.isTextual() || value.textValue().isBlank()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected the key of a row as a non-blank string"));
            return false;
        }
        if (StorableText.containsNul(value.textValue())) {
            errors.add(new FieldError("INVALID_CHARACTER", pointer,
                    "Text must not contain the NUL character (U+0000)"));
            return false;
        }
        return true;
    }

    private static void date(JsonNode value, String pointer, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected a date yyyy-mm-dd as a string"));
            return;
        }
        try {
            LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("INVALID_DATE", pointer, "'" + value.textValue() + "' is not a date yyyy-mm-dd"));
        }
    }

    private static void yearly(Item item, JsonNode value, String pointer, Mode mode, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected an object from year to value, years "
                    + item.years()));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> years = value.fields();
        while (years.hasNext()) {
            Map.Entry<String, JsonNode> year = years.next();
            String at = pointer + "/" + escape(year.getKey());
            if (!item.years().contains(year.getKey())) {
                errors.add(new FieldError("UNKNOWN_YEAR", at, "Item " + item.id() + " asks for the years "
                        + item.years()));
                continue;
            }
            JsonNode cell = year.getValue();
            if (cell.isNull()) {
                if (!item.noDataAllowed()) {
                    errors.add(new FieldError("WRONG_TYPE", at, "null (no data) is not an answer to " + item.id()));
                }
            } else if (item.type() == ItemType.YEARLY_INTEGER) {
                integer(item, cell, at, errors);
            } else {
                choice(item, cell, at, errors);
            }
        }
        if (mode == Mode.COMPLETE && item.isRequired()) {
            for (String year : item.years()) {
                if (!value.has(year)) {
                    errors.add(new FieldError("REQUIRED_MISSING", pointer + "/" + year, "Item " + item.id()
                            + " must be answered for " + year + (item.noDataAllowed() ? " (null for no data)" : "")));
                }
            }
        }
    }

    private static void table(Item item, JsonNode value, String pointer, Mode mode, List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError("WRONG_TYPE", pointer, "Expected an array of rows"));
            return;
        }
        if (item.maxRows() != null && value.size() > item.maxRows()) {
            errors.add(new FieldError("TOO_MANY_ROWS", pointer, value.size() + " rows exceed the maximum of "
                    + item.maxRows()));
        }
        if (mode == Mode.COMPLETE && item.minRows() != null && value.size() < item.minRows()) {
            errors.add(new FieldError("TOO_FEW_ROWS", pointer, "At least " + item.minRows() + " rows are needed"));
        }
        Set<List<String>> keys = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode row = value.get(i);
            String rowPointer = pointer + "/" + i;
            if (!row.isObject()) {
                errors.add(new FieldError("WRONG_TYPE", rowPointer, "Expected a row object with the columns "
                        + item.columns().stream().map(Item::id).toList()));
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> cells = row.fields();
            while (cells.hasNext()) {
                Map.Entry<String, JsonNode> cell = cells.next();
                String at = rowPointer + "/" + escape(cell.getKey());
                Item column = item.column(cell.getKey()).orElse(null);
                if (column == null) {
                    errors.add(new FieldError("UNKNOWN_COLUMN", at, "Table " + item.id() + " has no column "
                            + cell.getKey()));
                } else if (cell.getValue().isNull()) {
                    // a missing or null cell is "not available", distinct from 0; only required columns need a value
                    if (mode == Mode.COMPLETE && column.isRequired()) {
                        errors.add(new FieldError("REQUIRED_MISSING", at, "Column " + column.id() + " is required"));
                    }
                } else {
                    value(column, cell.getValue(), at, mode, errors);
                }
            }
            if (mode == Mode.COMPLETE) {
                for (Item column : item.columns()) {
                    if (column.isRequired() && !row.has(column.id())) {
                        errors.add(new FieldError("REQUIRED_MISSING", rowPointer + "/" + escape(column.id()),
                                "Column " + column.id() + " is required"));
                    }
                }
            }
            if (!item.uniqueColumns().isEmpty()) {
                List<String> key = item.uniqueColumns().stream().map(c -> row.path(c).asText("")).toList();
                if (key.stream().anyMatch(k -> !k.isEmpty()) && !keys.add(key)) {
                    errors.add(new FieldError("DUPLICATE_ROW", rowPointer, "Another row has the same "
                            + String.join(", ", item.uniqueColumns()) + " " + key));
                }
            }
        }
    }

    private static String codes(Item item) {
        return item.options().stream().map(Option::code).toList().toString();
    }

    private static String range(Item item) {
        return "[" + (item.min() == null ? "" : item.min()) + ", " + (item.max() == null ? "" : item.max()) + "]";
    }

    /** Escapes a reference token of a JSON Pointer (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Whether items are asked, given the answers; an item hidden by its own condition cannot enable another. */
    private static final class Conditions {
        private final Map<String, Item> items;
        private final JsonNode answers;

        Conditions(Map<String, Item> items, JsonNode answers) {
            this.items = items;
            this.answers = answers;
        }

        boolean enabled(Item item) {
            return enabled(item, 0);
        }

        private boolean enabled(Item item, int depth) {
            EnabledWhen when = item.enabledWhen();
            if (when == null) {
                return true;
            }
            if (depth > items.size()) {
                return false; // a cycle; the registry refuses such definitions at startup
            }
            for (String source : when.sources()) {
                Item sourceItem = items.get(source);
                if (sourceItem == null || !enabled(sourceItem, depth + 1)) {
                    continue;
                }
                JsonNode answer = answers.path(source);
                if (answer.isTextual() && when.anyOf().contains(answer.textValue())) {
                    return true;
                }
                if (answer.isArray()) {
                    for (JsonNode selected : answer) {
                        if (selected.isTextual() && when.anyOf().contains(selected.textValue())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
