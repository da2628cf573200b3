package se.alfmonitor.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.alfmonitor.assessment.config.AssessmentConfig;

/** Rule set files an operator puts in {@code alf.assessment.rule-set-directory} are compiled next to the shipped ones. */
class RuleSetDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void aRuleSetInTheDirectoryIsAvailableNextToTheShippedOne() throws IOException {
        copyShipped("\"2021.1\"", "\"2021.9-operator\"", "operator.json");
        Files.writeString(directory.resolve("notes.txt"), "not a rule set");

        RuleSets ruleSets = new RuleSets(config(Optional.of(directory)));

        assertThat(ruleSets.all()).extracting(CompiledRuleSet::version).containsExactly("2021.1", "2021.9-operator");
        assertThat(ruleSets.find("2021.9-operator")).get().extracting(r -> r.levels().size()).isEqualTo(27);
    }

    @Test
    void aVersionTwiceAndABrokenExpressionStopTheService() throws IOException {
        copyShipped("\"2021.1\"", "\"2021.1\"", "again.json");
        assertThatThrownBy(() -> new RuleSets(config(Optional.of(directory))))
                .hasMessageContaining("2021.1 is shipped twice");

        Files.delete(directory.resolve("again.json"));
        copyShipped("answers['3'] == 'WHOLE_PERIOD'", "answers['3'] ==", "broken.json");
        copyShipped("\"2021.1\"", "\"2021.8-broken\"", "broken.json");
        assertThatThrownBy(() -> new RuleSets(config(Optional.of(directory)))).isInstanceOf(RuntimeException.class);
    }

    private void copyShipped(String from, String to, String file) throws IOException {
        Path target = directory.resolve(file);
        String text;
        if (Files.exists(target)) {
            text = Files.readString(target);
        } else {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rule-sets/alf-usve-2021-v1.json")) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertThat(text).contains(from);
        Files.writeString(target, text.replace(from, to));
    }

    private static AssessmentConfig config(Optional<Path> directory) {
        return new AssessmentConfig() {
            @Override
            public List<String> ruleSets() {
                return List.of("alf-usve-2021-v1.json");
            }

            @Override
            public Optional<Path> ruleSetDirectory() {
                return directory;
            }

            @Override
            public Map<String, LocalDate> remediationDue() {
                return Map.of();
            }

            @Override
            public int reassessBatchSize() {
                return 200;
            }

            @Override
            public int reassessParallelism() {
                return 2;
            }

            @Override
            public String consistencyCheckInterval() {
                return "off";
            }

            @Override
            public String consistencyCheckDelay() {
                return "30s";
            }
        };
    }
}
