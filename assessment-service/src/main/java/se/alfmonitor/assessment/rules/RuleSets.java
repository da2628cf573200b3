package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.config.AssessmentConfig;

/**
 * Every shipped rule set, compiled once at startup (the service does not start with a broken rule set), and which
 * one is in force for each questionnaire version.
 */
@Startup
@ApplicationScoped
public class RuleSets {

    private static final Logger LOG = Logger.getLogger(RuleSets.class);

    private final Map<String, CompiledRuleSet> byVersion = new LinkedHashMap<>();

    public RuleSets(AssessmentConfig config) {
        for (String file : config.ruleSets()) {
            add(RuleSetCompiler.fromClasspath(file));
        }
        config.ruleSetDirectory().ifPresent(directory -> {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                        .forEach(f -> add(RuleSetCompiler.fromFile(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list rule sets in " + directory, e);
            }
        });
    }

    private void add(CompiledRuleSet ruleSet) {
        if (byVersion.putIfAbsent(ruleSet.version(), ruleSet) != null) {
            throw new IllegalStateException("Rule set version " + ruleSet.version() + " is shipped twice");
        }
        LOG.infof("Rule set %s for %s/%s: %d levels compiled", ruleSet.version(), ruleSet.questionnaireKey(),
                ruleSet.questionnaireVersion(), ruleSet.levels().size());
    }

    public List<CompiledRuleSet> all() {
        return List.copyOf(byVersion.values());
    }

    public Optional<CompiledRuleSet> find(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /**
     * The rule set in force for a questionnaire version: the one last published by an operator, or else the newest
     * shipped rule set whose status is PUBLISHED.
     */
    public Optional<CompiledRuleSet> active(String questionnaireKey, String questionnaireVersion) {
        Optional<CompiledRuleSet> chosen = RuleSetActivationEntity
                .<RuleSetActivationEntity>find("questionnaireKey = ?1 and questionnaireVersion = ?2",
                        Sort.descending("id"), questionnaireKey, questionnaireVersion)
                .firstResultOptional()
                .flatMap(a -> find(a.ruleSetVersion));
        if (chosen.isPresent()) {
            return chosen;
        }
        return byVersion.values().stream()
                .filter(r -> r.questionnaireKey().equals(questionnaireKey)
                        && r.questionnaireVersion().equals(questionnaireVersion)
                        && "PUBLISHED".equals(r.definition().status()))
                .max(Comparator.comparing(r -> r.definition().publishedAt() == null ? Instant.EPOCH
                        : r.definition().publishedAt()));
    }

    public boolean isActive(CompiledRuleSet ruleSet) {
        return active(ruleSet.questionnaireKey(), ruleSet.questionnaireVersion())
                .map(a -> a.version().equals(ruleSet.version())).orElse(false);
    }

    /** Puts a rule set in force for its questionnaire version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activate(CompiledRuleSet ruleSet, String actor) {
        RuleSetActivationEntity activation = new RuleSetActivationEntity();
        activation.questionnaireKey = ruleSet.questionnaireKey();
        activation.questionnaireVersion = ruleSet.questionnaireVersion();
        activation.ruleSetVersion = ruleSet.version();
        activation.activatedAt = Instant.now();
        activation.activatedBy = actor;
        activation.persist();
    }
}
