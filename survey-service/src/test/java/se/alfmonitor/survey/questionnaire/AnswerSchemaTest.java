package se.alfmonitor.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.survey.Fixtures;

/**
 * The JSON Schema of a questionnaire says what the server's validator says: over the published definitions, a
 * generated corpus of answer sets (the complete fixtures, then for every item: left out, wrong type, null, an unknown
 * option, out of range, an unknown or missing year, too long, blank, NUL, table rows with unknown or missing
 * columns, too many or too few rows, and every condition's source flipped) is accepted by an independent JSON
 * Schema validator exactly when {@link AnswerValidator} finds no problem, in both modes. The one exception is the
 * rules JSON Schema cannot say, table rows that must differ in their {@code uniqueColumns} and references that must
 * name an existing row, which stay with the server.
 */
class AnswerSchemaTest {

    private static final QuestionnaireRegistry REGISTRY = QuestionnaireRegistry.load(List.of(
            "questionnaires/alf-usve-2021.json", "questionnaires/regional-research-2021.json",
            "questionnaires/alf-region-2021.json", "questionnaires/region-governance-2021.json"));
    /** The rules JSON Schema cannot say; the schema names them in a $comment. */
    private static final java.util.Set<String> SERVER_ONLY = java.util.Set.of("DUPLICATE_ROW", "UNKNOWN_REFERENCE");

    @Test
    void schemaAndServerAgreeOnEveryGeneratedAnswerSet() {
        int cases = 0;
        int refused = 0;
        int serverOnly = 0;
        List<String> disagreements = new ArrayList<>();
        for (QuestionnaireDefinition.Published published : REGISTRY.all()) {
            QuestionnaireDefinition definition = published.definition();
            for (AnswerValidator.Mode mode : AnswerValidator.Mode.values()) {
                JsonSchemas.Compiled schema = JsonSchemas.compile(AnswerSchema.of(definition, mode));
                for (Map.Entry<String, ObjectNode> c : corpus(definition).entrySet()) {
                    List<String> serverCodes = AnswerValidator.validate(definition, c.getValue(), mode).stream()
                            .map(se.alfmonitor.contract.problem.FieldError::code).toList();
                    if (!serverCodes.isEmpty() && serverCodes.stream().allMatch(SERVER_ONLY::contains)) {
                        // the one rule JSON Schema cannot say; the schema names it in a $comment
                        serverOnly++;
                        continue;
                    }
                    boolean server = serverCodes.isEmpty();
                    List<String> schemaErrors = schema.errors(c.getValue());
                    cases++;
                    refused += server ? 0 : 1;
                    if (server != schemaErrors.isEmpty()) {
                        disagreements.add(definition.key() + " " + mode + " " + c.getKey() + ": server "
                                + (server ? "accepts" : "refuses " + AnswerValidator.validate(definition,
                                        c.getValue(), mode))
                                + ", schema " + (schemaErrors.isEmpty() ? "accepts" : "refuses " + schemaErrors));
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // the corpus exercises both answers, and is large enough to mean something
        assertThat(cases).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(cases / 3).isLessThan(cases);
        // the corpus reaches the rows-must-differ rule too, which stays with the server
        assertThat(serverOnly).isPositive();
    }

    @Test
    void theSchemaNamesItsDialectAndCarriesTheLabels() {
        QuestionnaireDefinition alf = REGISTRY.find("alf-usve", "2021").orElseThrow().definition();
        ObjectNode schema = AnswerSchema.of(alf, AnswerValidator.Mode.COMPLETE);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("properties").path("3").path("title").asText())
                .startsWith("Har det i ledningen för USVE");
        assertThat(schema.path("properties").path("3").path("description").asText()).isNotBlank();
        // a group takes no value, its sub-items do
        assertThat(schema.path("properties").has("13b")).isFalse();
        assertThat(schema.path("properties").has("13b.1")).isTrue();
        // a draft has no required items and no conditions
        ObjectNode draft = AnswerSchema.of(alf, AnswerValidator.Mode.DRAFT);
        assertThat(draft.has("required")).isFalse();
        assertThat(draft.has("allOf")).isFalse();
    }

    /** Answer sets named by what was done to the complete fixture. */
    private static Map<String, ObjectNode> corpus(QuestionnaireDefinition definition) {
        ObjectNode complete = switch (definition.key()) {
            case "alf-usve" -> Fixtures.completeAlfUsve();
            case "regional-research" -> Fixtures.completeRegionalResearch();
            case "alf-region" -> Fixtures.completeAlfRegion();
            case "region-governance" -> Fixtures.completeRegionGovernance();
            default -> throw new IllegalStateException("no complete answers for " + definition.key());
        };
        Map<String, ObjectNode> corpus = new LinkedHashMap<>();
        corpus.put("complete", complete.deepCopy());
        corpus.put("empty", Fixtures.JSON.createObjectNode());
        add(corpus, complete, "unknown item", a -> a.put("no-such-item", "x"));
        Map<String, Item> items = definition.answerable();
        for (Item item : items.values()) {
            String id = item.id();
            add(corpus, complete, id + " left out", a -> a.remove(id));
            add(corpus, complete, id + " null", a -> a.putNull(id));
            add(corpus, complete, id + " boolean", a -> a.put(id, true));
            add(corpus, complete, id + " string", a -> a.put(id, "x"));
            add(corpus, complete, id + " number", a -> a.put(id, 1));
            add(corpus, complete, id + " fraction", a -> a.put(id, 1.5));
            add(corpus, complete, id + " object", a -> a.putObject(id));
            add(corpus, complete, id + " array", a -> a.putArray(id));
            switch (item.type()) {
                case SINGLE_CHOICE -> item.options().forEach(o -> add(corpus, complete, id + " = " + o.code(),
                        a -> a.put(id, o.code())));
                case MULTI_CHOICE -> {
                    item.options().forEach(o -> add(corpus, complete, id + " = [" + o.code() + "]",
                            a -> a.putArray(id).add(o.code())));
                    add(corpus, complete, id + " unknown option", a -> a.putArray(id).add("NO_SUCH_OPTION"));
                    if (!item.options().isEmpty()) {
                        String code = item.options().get(0).code();
                        add(corpus, complete, id + " twice", a -> a.putArray(id).add(code).add(code));
                    }
                }
                case INTEGER -> integers(corpus, complete, item);
                case TEXT -> texts(corpus, complete, item, id);
                case REFERENCE -> {
                    add(corpus, complete, id + " blank key", a -> a.put(id, " "));
                    add(corpus, complete, id + " NUL in the key", a -> a.put(id, "D\u0000"));
                    add(corpus, complete, id + " unknown key", a -> a.put(id, "NO-SUCH-ROW"));
                    add(corpus, complete, id + " keys", a -> a.putArray(id).add("D1").add("D2"));
                    add(corpus, complete, id + " a key twice", a -> a.putArray(id).add("D1").add("D1"));
                }
                case DATE -> {
                    add(corpus, complete, id + " date", a -> a.put(id, "2021-12-31"));
                    add(corpus, complete, id + " not a date", a -> a.put(id, "2021-13-01"));
                }
                case YEARLY_INTEGER, YEARLY_CHOICE -> yearly(corpus, complete, item, id);
                case TABLE -> tables(corpus, complete, item, id);
                case GROUP -> {
                }
            }
        }
        return corpus;
    }

    private static void integers(Map<String, ObjectNode> corpus, ObjectNode complete, Item item) {
        String id = item.id();
        String name = id;
        if (item.min() != null) {
            add(corpus, complete, name + " min", a -> a.put(id, item.min()));
            add(corpus, complete, name + " below min", a -> a.put(id, item.min() - 1));
        }
        if (item.max() != null) {
            add(corpus, complete, name + " max", a -> a.put(id, item.max()));
            add(corpus, complete, name + " above max", a -> a.put(id, item.max() + 1));
        }
        add(corpus, complete, name + " huge", a -> a.put(id, new java.math.BigInteger("123456789012345678901234")));
    }

    private static void texts(Map<String, ObjectNode> corpus, ObjectNode complete, Item item, String id) {
        add(corpus, complete, id + " text", a -> a.put(id, "En text"));
        add(corpus, complete, id + " blank", a -> a.put(id, " \t "));
        add(corpus, complete, id + " no-break space", a -> a.put(id, "\u00a0"));
        add(corpus, complete, id + " NUL", a -> a.put(id, "a\u0000b"));
        if (item.maxLength() != null) {
            add(corpus, complete, id + " at max length", a -> a.put(id, "å".repeat(item.maxLength())));
            add(corpus, complete, id + " too long", a -> a.put(id, "å".repeat(item.maxLength() + 1)));
            // characters outside the basic plane count once each, as the server counts code points
            add(corpus, complete, id + " emoji at max length", a -> a.put(id, "😀".repeat(item.maxLength())));
        }
    }

    private static void yearly(Map<String, ObjectNode> corpus, ObjectNode complete, Item item, String id) {
        if (item.years().isEmpty()) {
            return;
        }
        String year = item.years().get(0);
        add(corpus, complete, id + " unknown year", a -> yearly(a, item).put("1999", 1));
        add(corpus, complete, id + " year left out", a -> yearly(a, item).remove(year));
        add(corpus, complete, id + " year null", a -> yearly(a, item).putNull(year));
        add(corpus, complete, id + " year string", a -> yearly(a, item).put(year, "x"));
        add(corpus, complete, id + " year fraction", a -> yearly(a, item).put(year, 2.5));
        if (item.type() == ItemType.YEARLY_INTEGER) {
            add(corpus, complete, id + " year negative", a -> yearly(a, item).put(year, -1));
            if (item.max() != null) {
                add(corpus, complete, id + " year above max", a -> yearly(a, item).put(year, item.max() + 1));
            }
        } else {
            item.options().forEach(o -> add(corpus, complete, id + " year = " + o.code(),
                    a -> yearly(a, item).put(year, o.code())));
        }
    }

    /** The item's yearly object in the answer set, made when it is missing or not an object. */
    private static ObjectNode yearly(ObjectNode answers, Item item) {
        JsonNode existing = answers.path(item.id());
        if (existing.isObject()) {
            return (ObjectNode) existing;
        }
        ObjectNode yearly = answers.putObject(item.id());
        for (String year : item.years()) {
            if (item.type() == ItemType.YEARLY_INTEGER) {
                yearly.put(year, 0);
            } else {
                yearly.put(year, item.options().get(0).code());
            }
        }
        return yearly;
    }

    private static void tables(Map<String, ObjectNode> corpus, ObjectNode complete, Item item, String id) {
        add(corpus, complete, id + " no rows", a -> a.putArray(id));
        add(corpus, complete, id + " row not an object", a -> rows(a, id).add(1));
        add(corpus, complete, id + " unknown column", a -> firstRow(a, id).put("no-such-column", 1));
        if (item.maxRows() != null) {
            add(corpus, complete, id + " too many rows", a -> {
                ArrayNode rows = rows(a, id);
                JsonNode first = rows.isEmpty() ? Fixtures.JSON.createObjectNode() : rows.get(0);
                while (rows.size() <= item.maxRows()) {
                    rows.add(first.deepCopy());
                }
            });
        }
        for (Item column : item.columns()) {
            String c = column.id();
            add(corpus, complete, id + "." + c + " left out", a -> firstRow(a, id).remove(c));
            add(corpus, complete, id + "." + c + " null", a -> firstRow(a, id).putNull(c));
            add(corpus, complete, id + "." + c + " boolean", a -> firstRow(a, id).put(c, true));
            add(corpus, complete, id + "." + c + " string", a -> firstRow(a, id).put(c, "x"));
            add(corpus, complete, id + "." + c + " negative", a -> firstRow(a, id).put(c, -1));
            add(corpus, complete, id + "." + c + " fraction", a -> firstRow(a, id).put(c, 0.5));
            add(corpus, complete, id + "." + c + " decimal comma", a -> firstRow(a, id).put(c, "0,75"));
            add(corpus, complete, id + "." + c + " decimal point", a -> firstRow(a, id).put(c, "-12.5"));
            add(corpus, complete, id + "." + c + " two separators", a -> firstRow(a, id).put(c, "1,000.5"));
            column.options().forEach(o -> add(corpus, complete, id + "." + c + " = " + o.code(),
                    a -> firstRow(a, id).put(c, o.code())));
            if (column.max() != null) {
                add(corpus, complete, id + "." + c + " above max", a -> firstRow(a, id).put(c, column.max() + 1));
            }
        }
    }

    private static ArrayNode rows(ObjectNode answers, String id) {
        return answers.path(id).isArray() ? (ArrayNode) answers.get(id) : answers.putArray(id);
    }

    private static ObjectNode firstRow(ObjectNode answers, String id) {
        ArrayNode rows = rows(answers, id);
        if (rows.isEmpty() || !rows.get(0).isObject()) {
            rows.insertObject(0);
        }
        return (ObjectNode) rows.get(0);
    }

    private static void add(Map<String, ObjectNode> corpus, ObjectNode complete, String name,
            Consumer<ObjectNode> change) {
        ObjectNode answers = complete.deepCopy();
        change.accept(answers);
        corpus.put(name, answers);
    }
}
