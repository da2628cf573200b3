package se.alfmonitor.assessment.domain.rules;

import java.util.List;

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
