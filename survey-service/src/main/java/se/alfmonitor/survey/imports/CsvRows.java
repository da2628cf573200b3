package se.alfmonitor.survey.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.questionnaire.Item;
import se.alfmonitor.survey.questionnaire.ItemType;
import se.alfmonitor.survey.questionnaire.Option;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;

/**
 * Reads the CSV layout of the bulk import: one line per submission and answered cell, with the header
 * {@code submissionId,campaignId,unitId,itemId,value,submit}. {@code itemId} is the path below {@code /answers}, as in
 * error pointers: {@code 3}, {@code 15/2019} for a year, {@code staffComposition/0/s1} for a table cell. Values are
 * option codes (or their Swedish labels and known spelling variants), {@code |}-separated codes for multiple choice,
 * whole numbers, text, or empty for "no data". Text cells starting with {@code = + - @} are rejected, because a
 * spreadsheet would run them as formulas when the data is exported again.
 */
final class CsvRows {

    static final List<String> HEADER = List.of("submissionId", "campaignId", "unitId", "itemId", "value", "submit");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvRows() {
    }

    /** @param definitions the questionnaire of a campaign id, if the campaign exists */
    static List<ImportRow> read(String csv, Function<String, Optional<QuestionnaireDefinition>> definitions) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        Map<String, Builder> groups = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<String> missing = HEADER.stream().filter(h -> !"submit".equals(h))
                    .filter(h -> !parser.getHeaderNames().contains(h)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest("CSV_HEADER", "The CSV header must be " + String.join(",", HEADER),
                        missing.stream().map(h -> new FieldError("CSV_HEADER", "/", "Missing column " + h)).toList());
            }
            boolean hasSubmit = parser.getHeaderNames().contains("submit");
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                String submissionId = cell(record, "submissionId");
                Builder group = groups.computeIfAbsent(submissionId, id -> new Builder(groups.size(), id));
                group.add(line, record, hasSubmit, definitions);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // the parser reports an unclosed quote while iterating, wrapped as UncheckedIOException
            throw ProblemException.badRequest("MALFORMED_CSV", "The CSV could not be read: " + e.getMessage(),
                    List.of(new FieldError("MALFORMED_CSV", "/", String.valueOf(e.getMessage()))));
        }
        return groups.values().stream().map(Builder::build).toList();
    }

    private static String cell(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : "";
    }

    private static final class Builder {
        private final int index;
        private final String rawId;
        private final List<Long> lines = new ArrayList<>();
        private final List<FieldError> errors = new ArrayList<>();
        private final ObjectNode answers = NODES.objectNode();
        private final Set<String> paths = new HashSet<>();
        private String campaignId;
        private String unitId;
        private Boolean submit;

        Builder(int index, String rawId) {
            this.index = index;
            this.rawId = rawId;
        }

        void add(long line, CSVRecord record, boolean hasSubmit,
                Function<String, Optional<QuestionnaireDefinition>> definitions) {
            lines.add(line);
            String campaign = cell(record, "campaignId").strip();
            String unit = cell(record, "unitId").strip();
            String submitCell = hasSubmit ? cell(record, "submit").strip() : "";
            if (campaignId == null) {
                campaignId = campaign;
                unitId = unit;
            } else if (!campaignId.equals(campaign) || !unitId.equals(unit)) {
                errors.add(new FieldError("INCONSISTENT_ROWS", "/campaignId", "Line " + line
                        + " names another campaign or unit for the same submission"));
            }
            boolean lineSubmit;
            if (submitCell.isEmpty() || submitCell.equalsIgnoreCase("false")) {
                lineSubmit = false;
            } else if (submitCell.equalsIgnoreCase("true")) {
                lineSubmit = true;
            } else {
                errors.add(new FieldError("WRONG_TYPE", "/submit", "Line " + line + ": submit is true or false"));
                lineSubmit = false;
            }
            if (submit == null) {
                submit = lineSubmit;
            } else if (submit != lineSubmit) {
                errors.add(new FieldError("INCONSISTENT_ROWS", "/submit", "Line " + line
                        + " says otherwise about submit for the same submission"));
            }
            String path = cell(record, "itemId").strip();
            if (path.isEmpty()) {
                errors.add(new FieldError("REQUIRED_MISSING", "/answers", "Line " + line + " has no itemId"));
                return;
            }
            if (!paths.add(path)) {
                errors.add(new FieldError("DUPLICATE_CELL", "/answers/" + path, "Line " + line + " repeats "
                        + path));
                return;
            }
            QuestionnaireDefinition definition = definitions.apply(campaign).orElse(null);
            place(definition, path, cell(record, "value"), line);
        }

        private void place(QuestionnaireDefinition definition, String path, String value, long line) {
            String[] tokens = path.split("/", -1);
            String pointer = "/answers/" + path;
            Item item = definition == null ? null : definition.item(tokens[0]).orElse(null);
            if (item == null) {
                // the validator reports the unknown item (or the unknown campaign) with its pointer
                answers.put(tokens[0], value);
                return;
            }
            int expected = switch (item.type()) {
                case YEARLY_INTEGER, YEARLY_CHOICE -> 2;
                case TABLE -> 3;
                default -> 1;
            };
            if (tokens.length != expected) {
                errors.add(new FieldError("INVALID_ITEM_PATH", pointer, "Line " + line + ": item " + item.id()
                        + " is addressed as " + switch (expected) {
                            case 2 -> item.id() + "/<year>";
                            case 3 -> item.id() + "/<row>/<column>";
                            default -> item.id();
                        }));
                return;
            }
            if (expected == 1) {
                convert(item, value, pointer, line, false).ifPresent(node -> answers.set(item.id(), node));
            } else if (expected == 2) {
                ObjectNode years = answers.has(item.id()) && answers.get(item.id()).isObject()
                        ? (ObjectNode) answers.get(item.id())
                        : answers.putObject(item.id());
                convert(item, value, pointer, line, true).ifPresent(node -> years.set(tokens[1], node));
            } else {
                int row;
                try {
                    row = Integer.parseInt(tokens[1]);
                } catch (NumberFormatException e) {
                    row = -1;
                }
                if (row < 0 || row >= 10_000) {
                    errors.add(new FieldError("INVALID_ITEM_PATH", pointer, "Line " + line
                            + ": the row of a table cell is a number from 0"));
                    return;
                }
                ArrayNode rows = answers.has(item.id()) && answers.get(item.id()).isArray()
                        ? (ArrayNode) answers.get(item.id())
                        : answers.putArray(item.id());
                while (rows.size() <= row) {
                    rows.addObject();
                }
                ObjectNode cells = (ObjectNode) rows.get(row);
                Item column = item.column(tokens[2]).orElse(null);
                if (column == null) {
                    cells.put(tokens[2], value); // reported as UNKNOWN_COLUMN
                } else {
                    convert(column, value, pointer, line, true).ifPresent(node -> cells.set(column.id(), node));
                }
            }
        }

        /** An empty cell is "no data" where that is an answer (or a table cell), otherwise the item is left out. */
        private Optional<JsonNode> convert(Item item, String value, String pointer, long line, boolean cellOfMany) {
            if (value.isEmpty()) {
                if (item.type() == ItemType.MULTI_CHOICE || item.isMultiple()) {
                    return Optional.of(NODES.arrayNode());
                }
                return item.noDataAllowed() || cellOfMany ? Optional.of(NODES.nullNode()) : Optional.empty();
            }
            return Optional.of(switch (item.type()) {
                case INTEGER, YEARLY_INTEGER -> integer(value);
                case SINGLE_CHOICE, YEARLY_CHOICE -> NODES.textNode(code(item, value));
                case MULTI_CHOICE -> {
                    ArrayNode codes = NODES.arrayNode();
                    for (String part : value.split("\\|")) {
                        codes.add(code(item, part.strip()));
                    }
                    yield codes;
                }
                case REFERENCE -> {
                    if (!item.isMultiple()) {
                        yield safeText(value, pointer, line);
                    }
                    ArrayNode keys = NODES.arrayNode();
                    for (String part : value.split("\\|")) {
                        keys.add(safeText(part.strip(), pointer, line));
                    }
                    yield keys;
                }
                default -> safeText(value, pointer, line);
            });
        }

        private JsonNode safeText(String value, String pointer, long line) {
            if (startsLikeFormula(value)) {
                errors.add(new FieldError("UNSAFE_CSV_TEXT", pointer, "Line " + line
                        + ": text starting with = + - @ is read as a formula by spreadsheets; "
                        + "start it with another character"));
            }
            return NODES.textNode(value);
        }

        ImportRow build() {
            UUID id = null;
            try {
                id = UUID.fromString(rawId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(0, new FieldError("INVALID_ID", "/submissionId", "'" + rawId + "' is not a UUID"));
            }
            return new ImportRow(index, List.copyOf(lines), rawId, id, campaignId, unitId, answers,
                    Boolean.TRUE.equals(submit), List.copyOf(errors));
        }
    }

    private static JsonNode integer(String value) {
        try {
            return NODES.numberNode(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return NODES.textNode(value); // reported as WRONG_TYPE
        }
    }

    /** The option code for a code, Swedish label or known spelling variant, matched without regard to case. */
    static String code(Item item, String value) {
        for (Option option : item.options()) {
            if (option.code().equals(value)) {
                return option.code();
            }
        }
        for (Option option : item.options()) {
            if (option.code().equalsIgnoreCase(value) || (option.labelSv() != null
                    && option.labelSv().equalsIgnoreCase(value))
                    || option.aliasesSv().stream().anyMatch(a -> a.equalsIgnoreCase(value))) {
                return option.code();
            }
        }
        return value;
    }

    static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

}
