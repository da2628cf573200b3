package se.alfmonitor.assessment.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * Decides every level of a rule set for one set of answers. The order is the rule set's: an automatic pass first,
 * then the {@code met} rule, then, for levels with a free-text example to judge, the assessor's decision. Every
 * outcome carries an explanation in Swedish and English naming the items, the answers given and the rule applied.
 */
@ApplicationScoped
public class CelLevelEvaluator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Blank as the rule set defines it: nothing but whitespace, separators and invisible control characters. */
    private static final Pattern NOT_BLANK = Pattern.compile("[^\\s\\p{Z}\\p{C}]");

    /** The unit attributes the rules may read, from the unit registry via the submission event. */
    public record UnitFacts(Boolean directPatientContact, Integer designatedYear) {
    }

    /** A fulfilled level whose example text an assessor must judge. */
    public record ReviewRequest(int level, String itemId, String text, RuleSetDefinition.Review review) {
    }

    public record ReviewDecision(UUID reviewId, ReviewStatus status, String comment, String decidedBy) {
    }

    public record LevelResult(int number, String area, LevelOutcome outcome, ObjectNode explanation) {
    }

    /**
     * @param reviews looks up (or opens) the assessor's decision on an example; empty means none is known
     */
    public List<LevelResult> evaluate(CompiledRuleSet ruleSet, JsonNode answers, UnitFacts unit,
            Function<ReviewRequest, Optional<ReviewDecision>> reviews) {
        return evaluate(ruleSet, answers, unit, reviews, number -> null);
    }

    /**
     * As {@link #evaluate(CompiledRuleSet, JsonNode, UnitFacts, Function)}, except for the levels whose result
     * {@code known} already gives (not null): those are taken as they are, flags included, and not evaluated.
     *
     * @param known by level number, the result an evaluation of the level would give, or null to evaluate it
     */
    public List<LevelResult> evaluate(CompiledRuleSet ruleSet, JsonNode answers, UnitFacts unit,
            Function<ReviewRequest, Optional<ReviewDecision>> reviews, IntFunction<LevelResult> known) {
        Map<String, Object> answerMap = answers == null || !answers.isObject() ? Map.of() : toMap(answers);
        Map<String, Object> unitMap = new LinkedHashMap<>();
        if (unit != null && unit.directPatientContact() != null) {
            unitMap.put("directPatientContact", unit.directPatientContact());
        }
        if (unit != null && unit.designatedYear() != null) {
            unitMap.put("designatedYear", unit.designatedYear().longValue());
        }
        Map<String, Object> variables = Map.of("answers", answerMap, "unit", unitMap);
        List<LevelResult> results = new ArrayList<>(ruleSet.levels().size());
        for (CompiledRuleSet.CompiledLevel level : ruleSet.levels()) {
            LevelResult given = known.apply(level.rule().number());
            if (given != null) {
                results.add(given);
                continue;
            }
            LevelResult result = evaluate(ruleSet, level, answers, unitMap, variables, reviews);
            flag(level, variables, result.explanation());
            results.add(result);
        }
        return results;
    }

    /**
     * Adds the level's consistency flags that are raised to its explanation. A flag never changes the outcome; a
     * flag that cannot be evaluated is left out rather than failing the level.
     */
    private static void flag(CompiledRuleSet.CompiledLevel level, Map<String, Object> variables,
            ObjectNode explanation) {
        ArrayNode raised = NODES.arrayNode();
        StringBuilder sv = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (CompiledRuleSet.CompiledFlag flag : level.flags()) {
            boolean on;
            try {
                on = run(flag.when(), variables);
            } catch (CelEvaluationException | RuntimeException e) {
                on = false;
            }
            if (on) {
                raised.addObject().put("code", flag.flag().code()).put("sv", flag.flag().sv())
                        .put("en", flag.flag().en());
                sv.append(" Observera: ").append(flag.flag().sv());
                en.append(" Note: ").append(flag.flag().en());
            }
        }
        if (!raised.isEmpty()) {
            explanation.set("flags", raised);
            explanation.put("sv", explanation.path("sv").asText() + sv);
            explanation.put("en", explanation.path("en").asText() + en);
        }
    }

    private LevelResult evaluate(CompiledRuleSet ruleSet, CompiledRuleSet.CompiledLevel level, JsonNode answers,
            Map<String, Object> unitMap, Map<String, Object> variables,
            Function<ReviewRequest, Optional<ReviewDecision>> reviews) {
        RuleSetDefinition.LevelRule rule = level.rule();
        LevelExplanation explanation = new LevelExplanation(ruleSet.version(), rule, answers, ruleSet.labels());
        try {
            if (level.notApplicable() != null && run(level.notApplicable(), variables)) {
                explanation.unitFacts(rule.notApplicable(), unitMap);
                return result(rule, LevelOutcome.NOT_APPLICABLE, explanation.notApplicable());
            }
            if (!run(level.met(), variables)) {
                return result(rule, LevelOutcome.NOT_MET, explanation.notMet());
            }
        } catch (CelEvaluationException | RuntimeException e) {
            // the questionnaire validation upstream should make this impossible; a level that cannot be read is
            // not fulfilled, and says why, rather than failing the whole assessment
            return result(rule, LevelOutcome.NOT_MET, explanation.unreadable(e.getMessage()));
        }
        if (rule.review() == null) {
            return result(rule, LevelOutcome.MET, explanation.met());
        }
        String text = answers.path(rule.review().item()).asText("");
        Optional<ReviewDecision> decision = reviews
                .apply(new ReviewRequest(rule.number(), rule.review().item(), text, rule.review()));
        ReviewStatus status = decision.map(ReviewDecision::status).orElse(ReviewStatus.PENDING);
        explanation.review(rule.review().item(), decision.orElse(null), status);
        return switch (status) {
            case APPROVED -> result(rule, LevelOutcome.MET, explanation.approved(decision.get()));
            case REJECTED -> result(rule, LevelOutcome.NOT_MET, explanation.rejected(decision.get()));
            default -> result(rule, LevelOutcome.PENDING_REVIEW, explanation.pending());
        };
    }

    private static LevelResult result(RuleSetDefinition.LevelRule rule, LevelOutcome outcome, ObjectNode explanation) {
        return new LevelResult(rule.number(), rule.area(), outcome, explanation);
    }

    private static boolean run(CelRuntime.Program program, Map<String, Object> variables)
            throws CelEvaluationException {
        Object value = program.eval(variables);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException("The rule gave " + value + " instead of true or false");
    }

    /** JSON answers as CEL values: integers as long, no nulls at any depth. */
    static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            Object value = toValue(e.getValue());
            if (value != null) {
                map.put(e.getKey(), value);
            }
        });
        return map;
    }

    private static Object toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> {
                Object value = toValue(element);
                if (value != null) {
                    list.add(value);
                }
            });
            return list;
        }
        if (node.isObject()) {
            return toMap(node);
        }
        return node.asText();
    }

    /** Whether an answer counts as given: present, not null, and for text not blank. */
    static boolean answered(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return NOT_BLANK.matcher(value.textValue()).find();
        }
        if (value.isContainerNode()) {
            for (JsonNode element : value) {
                if (!element.isNull()) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
