package se.alfmonitor.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answer sets for the shipped {@code alf-usve} 2021 questionnaire (a copy of survey-service's definition in the test
 * resources), checked against its items and option codes so the tests never drift from the real questionnaire.
 */
public final class AlfUsveAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> ITEMS = loadItems();

    private AlfUsveAnswers() {
    }

    /** Answers that fulfil all 27 levels (levels 18 and 23 still need an assessor's approval). */
    public static ObjectNode allMet() {
        ObjectNode a = JSON.createObjectNode();
        a.put("designationYear", 2016);
        a.put("directPatientContact", "JA");
        a.put("3", "WHOLE_PERIOD");
        a.put("4a", "JA");
        a.put("6a", "JA");
        a.put("7a", "JA");
        a.put("12a", "JA");
        a.put("13b.1", "JA");
        a.put("13b.2", "JA");
        a.put("13b.3", "JA");
        a.put("13b.4", "NEJ");
        a.put("13b.5", "JA");
        a.put("13c", "JA");
        a.putArray("14a").add("REGIONAL_STUDIES");
        a.putObject("15").put("2018", 2).put("2019", 1).put("2020", 1).put("2021", 1);
        a.put("16a", "JA");
        a.putArray("17a").add("NATIONAL_GRANTS");
        a.put("18a", "JA");
        a.putArray("19a").add("WORKPLACE_INTEGRATED_LEARNING");
        a.put("19b", "JA");
        a.put("23", "ALL_PARTICIPATING_STAFF");
        a.put("24", "JA");
        a.put("25", "JA");
        a.putArray("26").add("SUPERVISOR_MEETINGS");
        a.put("27", "JA");
        a.put("29a", "JA");
        a.put("30", "JA");
        a.put("30a", "Kursutvärderingarna visade att studenterna saknade handledning; vi införde fasta handledartider.");
        a.put("31", "JA");
        a.putArray("32").add("PROCESS_MAP");
        a.putArray("33").add("NATIONAL_GUIDELINES");
        a.put("34", "JA");
        a.put("34a", "Vi följer Svenska palliativregistret kvartalsvis.");
        a.put("35.1", "JA");
        a.put("35.2", "NEJ");
        a.put("35a", "PREM-enkäten visade långa väntetider; vi ändrade bokningsrutinen.");
        a.put("36", "JA");
        a.put("37", "JA");
        a.put("37a", "JA");
        a.putObject("38").put("2018", "NEJ").put("2019", "NEJ").put("2020", "JA").put("2021", "JA");
        a.put("39", "JA");
        return a;
    }

    /**
     * Checks answers against the questionnaire definition: every item exists, every option code is one of the
     * item's, every year is one the item asks for.
     *
     * @return the problems found, empty if the answers fit the questionnaire
     */
    public static List<String> problems(JsonNode answers) {
        List<String> problems = new ArrayList<>();
        answers.fields().forEachRemaining(e -> {
            JsonNode item = ITEMS.get(e.getKey());
            JsonNode value = e.getValue();
            if (item == null) {
                problems.add("unknown item " + e.getKey());
                return;
            }
            if (value.isNull()) {
                return;
            }
            Set<String> codes = new HashSet<>();
            item.path("options").forEach(o -> codes.add(o.path("code").asText()));
            Set<String> years = new HashSet<>();
            item.path("years").forEach(y -> years.add(y.asText()));
            switch (item.path("type").asText()) {
                case "SINGLE_CHOICE" -> check(codes.contains(value.asText()), problems, e.getKey(), value);
                case "MULTI_CHOICE" -> {
                    check(value.isArray(), problems, e.getKey(), value);
                    value.forEach(v -> check(codes.contains(v.asText()), problems, e.getKey(), v));
                }
                case "INTEGER" -> check(value.isIntegralNumber(), problems, e.getKey(), value);
                case "TEXT" -> check(value.isTextual(), problems, e.getKey(), value);
                case "YEARLY_INTEGER" -> value.fields().forEachRemaining(y -> check(
                        years.contains(y.getKey()) && (y.getValue().isNull() || y.getValue().isIntegralNumber()),
                        problems, e.getKey() + "/" + y.getKey(), y.getValue()));
                case "YEARLY_CHOICE" -> value.fields().forEachRemaining(y -> check(
                        years.contains(y.getKey()) && (y.getValue().isNull() || codes.contains(y.getValue().asText())),
                        problems, e.getKey() + "/" + y.getKey(), y.getValue()));
                default -> problems.add("item " + e.getKey() + " takes no value");
            }
        });
        return problems;
    }

    private static void check(boolean ok, List<String> problems, String item, JsonNode value) {
        if (!ok) {
            problems.add("invalid answer " + value + " to " + item);
        }
    }

    private static Map<String, JsonNode> loadItems() {
        try (InputStream in = AlfUsveAnswers.class.getResourceAsStream("/questionnaires/alf-usve-2021.json")) {
            Map<String, JsonNode> items = new HashMap<>();
            collect(JSON.readTree(in).path("items"), items);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode items, Map<String, JsonNode> into) {
        items.forEach(item -> {
            into.put(item.path("id").asText(), item);
            collect(item.path("items"), into);
        });
    }
}
