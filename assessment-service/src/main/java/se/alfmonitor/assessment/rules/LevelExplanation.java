package se.alfmonitor.assessment.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewDecision;

/**
 * Builds the explanation of one level for {@link CelLevelEvaluator}: the items and answers, the rule, and the sentence
 * in both languages.
 */
final class LevelExplanation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int QUOTED_TEXT_MAX = 80;
    private static final Pattern OPTION_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String ruleSetVersion;
    private final RuleSetDefinition.LevelRule rule;
    private final ArrayNode items = NODES.arrayNode();
    private final ArrayNode missing = NODES.arrayNode();
    private final List<String> givenSv = new ArrayList<>();
    private final List<String> givenEn = new ArrayList<>();
    private ObjectNode review;

    LevelExplanation(String ruleSetVersion, RuleSetDefinition.LevelRule rule, JsonNode answers, OptionLabels labels) {
        this.ruleSetVersion = ruleSetVersion;
        this.rule = rule;
        for (String id : rule.items()) {
            JsonNode value = answers == null ? null : answers.get(id);
            ObjectNode item = items.addObject().put("id", id);
            if (CelLevelEvaluator.answered(value)) {
                item.set("answer", value.deepCopy());
                Function<String, Optional<OptionLabels.Label>> label = code -> labels.label(id, code);
                String sv = display(value, code -> label.apply(code).map(OptionLabels.Label::sv)
                        .map(l -> "«" + l + "»"));
                String en = display(value, code -> label.apply(code).map(OptionLabels.Label::en)
                        .map(l -> "\"" + l + "\""));
                if (value.isTextual() && label.apply(value.textValue()).isPresent()) {
                    item.put("labelSv", label.apply(value.textValue()).get().sv());
                    item.put("labelEn", label.apply(value.textValue()).get().en());
                }
                givenSv.add("fråga " + id + " = " + sv);
                givenEn.add("question " + id + " = " + en);
            } else {
                item.putNull("answer");
                missing.add(id);
            }
        }
    }

    /** Adds the unit registry attributes an automatic-pass rule read. */
    void unitFacts(String expression, Map<String, Object> unitMap) {
        unitMap.forEach((key, value) -> {
            if (expression.contains("unit." + key)) {
                ObjectNode item = items.addObject().put("id", "unit." + key);
                if (value instanceof Boolean b) {
                    item.put("answer", b);
                } else if (value instanceof Long l) {
                    item.put("answer", l);
                } else {
                    item.put("answer", String.valueOf(value));
                }
                givenSv.add("enhetsregistret " + key + " = " + value);
                givenEn.add("unit registry " + key + " = " + value);
            }
        });
    }

    void review(String itemId, ReviewDecision decision, ReviewStatus status) {
        review = NODES.objectNode().put("item", itemId).put("status", status.name());
        if (decision != null) {
            review.put("id", decision.reviewId() == null ? null : decision.reviewId().toString());
            review.put("comment", decision.comment());
            review.put("decidedBy", decision.decidedBy());
        }
    }

    ObjectNode met() {
        return build("Uppfylld.", "Met.", true);
    }

    ObjectNode notMet() {
        return build("Inte uppfylld.", "Not met.", true);
    }

    ObjectNode notApplicable() {
        return build("Inte tillämplig, räknas som uppfylld: " + rule.notApplicableReasonSv(),
                "Not applicable, counts as met: " + rule.notApplicableReasonEn(), false);
    }

    ObjectNode pending() {
        String item = rule.review().item();
        return build("Väntar på bedömning: exemplet i fråga " + item + " ska bedömas av en bedömare.",
                "Awaiting review: the example in question " + item + " must be judged by an assessor.", true);
    }

    ObjectNode approved(ReviewDecision decision) {
        String item = rule.review().item();
        return build("Uppfylld: exemplet i fråga " + item + " har godkänts av en bedömare" + comment(decision),
                "Met: the example in question " + item + " was approved by an assessor" + comment(decision),
                true);
    }

    ObjectNode rejected(ReviewDecision decision) {
        String item = rule.review().item();
        return build("Inte uppfylld: exemplet i fråga " + item + " har underkänts av en bedömare"
                + comment(decision),
                "Not met: the example in question " + item + " was rejected by an assessor" + comment(decision),
                true);
    }

    ObjectNode unreadable(String error) {
        ObjectNode node = build("Inte uppfylld: svaren kunde inte läsas av regeln.",
                "Not met: the rule could not read the answers.", true);
        node.put("error", error);
        return node;
    }

    private static String comment(ReviewDecision decision) {
        return decision.comment() == null || decision.comment().isBlank() ? "."
                : " (\"" + truncate(decision.comment()) + "\").";
    }

    private ObjectNode build(String headSv, String headEn, boolean withRule) {
        StringBuilder sv = new StringBuilder("Nivå ").append(rule.number()).append(": ").append(headSv);
        StringBuilder en = new StringBuilder("Level ").append(rule.number()).append(": ").append(headEn);
        if (!givenSv.isEmpty()) {
            sv.append(" Svar: ").append(String.join(", ", givenSv)).append('.');
            en.append(" Answers: ").append(String.join(", ", givenEn)).append('.');
        }
        if (!missing.isEmpty()) {
            List<String> ids = new ArrayList<>();
            missing.forEach(id -> ids.add(id.asText()));
            sv.append(" Inget svar på fråga ").append(String.join(", ", ids)).append('.');
            en.append(" No answer to question ").append(String.join(", ", ids)).append('.');
        }
        if (withRule) {
            sv.append(" Regel: ").append(sentence(rule.ruleSv()));
            en.append(" Rule: ").append(sentence(rule.ruleEn()));
        }
        ObjectNode node = NODES.objectNode();
        node.put("sv", sv.toString().trim());
        node.put("en", en.toString().trim());
        node.put("rule", rule.ruleSv());
        node.put("ruleEn", rule.ruleEn());
        node.set("items", items);
        node.set("missing", missing);
        node.put("ruleSetVersion", ruleSetVersion);
        if (review != null) {
            node.set("review", review);
        }
        return node;
    }

    private static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /**
     * An answer in a sentence: option codes by their label in the questionnaire's language (the code itself when
     * the item has no such option), free text quoted and shortened.
     */
    private static String display(JsonNode value, Function<String, Optional<String>> label) {
        if (value.isTextual()) {
            return OPTION_CODE.matcher(value.textValue()).matches()
                    ? label.apply(value.textValue()).orElse(value.textValue())
                    : "\"" + truncate(value.textValue()) + "\"";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.isTextual() ? label.apply(v.textValue()).orElse(v.textValue())
                    : v.toString()));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + (e.getValue().isTextual()
                    ? label.apply(e.getValue().textValue()).orElse(e.getValue().textValue())
                    : e.getValue().toString())));
            return "{" + String.join(", ", parts) + "}";
        }
        return value.toString();
    }

    private static String truncate(String text) {
        String oneLine = WhitespaceRuns.collapse(text.strip(), QUOTED_TEXT_MAX);
        return oneLine.length() <= QUOTED_TEXT_MAX ? oneLine : oneLine.substring(0, QUOTED_TEXT_MAX - 1) + "…";
    }
}
