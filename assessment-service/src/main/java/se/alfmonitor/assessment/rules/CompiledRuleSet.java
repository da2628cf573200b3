package se.alfmonitor.assessment.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cel.runtime.CelRuntime;

/**
 * A rule set whose expressions are compiled once; the programs are thread-safe and shared by every evaluation.
 *
 * @param document the rule set file as shipped, served as data by the API
 * @param labels the option labels of the questionnaire version the rule set reads
 */
public record CompiledRuleSet(RuleSetDefinition definition, ObjectNode document, List<CompiledLevel> levels,
        OptionLabels labels) {

    public String version() {
        return definition.version();
    }

    public String questionnaireKey() {
        return definition.questionnaire().key();
    }

    public String questionnaireVersion() {
        return definition.questionnaire().version();
    }

    /**
     * The levels this rule set decides exactly as {@code earlier} does for the same answers, unit facts and assessor
     * decisions: both read the same questionnaire version (so the same option labels in the explanations), have the
     * same levels in the same order, and the level's rule is equal in every field (expressions, items, review,
     * flags, texts). Only the rule set version named in the explanation differs. Empty when the questionnaire or the
     * levels differ.
     */
    public Set<Integer> levelsUnchangedSince(CompiledRuleSet earlier) {
        if (!questionnaireKey().equals(earlier.questionnaireKey())
                || !questionnaireVersion().equals(earlier.questionnaireVersion())
                || levels.size() != earlier.levels().size()) {
            return Set.of();
        }
        Set<Integer> unchanged = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            RuleSetDefinition.LevelRule now = levels.get(i).rule();
            RuleSetDefinition.LevelRule before = earlier.levels().get(i).rule();
            if (now.number() != before.number()) {
                return Set.of();
            }
            if (now.equals(before)) {
                unchanged.add(now.number());
            }
        }
        return Set.copyOf(unchanged);
    }

    public CompiledLevel level(int number) {
        return levels.stream().filter(l -> l.rule().number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No level " + number + " in rule set " + version()));
    }

    /**
     * @param notApplicable null when the level has no automatic pass
     * @param flags the consistency checks of the level, each compiled
     */
    public record CompiledLevel(RuleSetDefinition.LevelRule rule, CelRuntime.Program met,
            CelRuntime.Program notApplicable, List<CompiledFlag> flags) {
    }

    /** A consistency check: when {@code when} is true, the level's explanation carries the flag. */
    public record CompiledFlag(RuleSetDefinition.Flag flag, CelRuntime.Program when) {
    }
}
