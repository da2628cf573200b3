package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.config.AssessmentConfig;

/**
 * Every shipped rule set, compiled once at startup (the service does not start with a broken rule set), the rule sets
 * uploaded over the API ({@link RuleSetLifecycle} keeps them here as stored), and which one is in force for each
 * questionnaire version.
 */
@Startup
@ApplicationScoped
public class RuleSets {

    private static final Logger LOG = Logger.getLogger(RuleSets.class);

    private final Map<String, CompiledRuleSet> byVersion = new LinkedHashMap<>();
    private final Map<String, Uploaded> uploaded = new ConcurrentHashMap<>();

    /** An uploaded rule set as last read from or written to its table. */
    record Uploaded(CompiledRuleSet ruleSet, int revision, String status, Instant publishedAt) {
    }

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

    /** The shipped rule sets in the order configured, then the uploaded ones by version. */
    public List<CompiledRuleSet> all() {
        List<CompiledRuleSet> all = new ArrayList<>(byVersion.values());
        uploaded.values().stream().map(Uploaded::ruleSet).sorted(Comparator.comparing(CompiledRuleSet::version))
                .forEach(all::add);
        return all;
    }

    public Optional<CompiledRuleSet> find(String version) {
        CompiledRuleSet shipped = byVersion.get(version);
        if (shipped != null) {
            return Optional.of(shipped);
        }
        return Optional.ofNullable(uploaded.get(version)).map(Uploaded::ruleSet);
    }

    /** Shipped with the service (on the class path or in the operator's directory): never changed over the API. */
    public boolean isShipped(String version) {
        return byVersion.containsKey(version);
    }

    /** DRAFT or PUBLISHED for an uploaded rule set; a shipped one's status is its file's. */
    public String status(CompiledRuleSet ruleSet) {
        Uploaded u = uploaded.get(ruleSet.version());
        return u != null && !isShipped(ruleSet.version()) ? u.status() : ruleSet.definition().status();
    }

    /** When an uploaded rule set was published, or a shipped one's {@code publishedAt}. */
    public Instant publishedAt(CompiledRuleSet ruleSet) {
        Uploaded u = uploaded.get(ruleSet.version());
        return u != null && !isShipped(ruleSet.version()) ? u.publishedAt() : ruleSet.definition().publishedAt();
    }

    /** The revision of an uploaded rule set held here (each upload of a version is the next), if any. */
    public Optional<Integer> uploadedRevision(String version) {
        return Optional.ofNullable(uploaded.get(version)).map(Uploaded::revision);
    }

    Map<String, Uploaded> uploaded() {
        return uploaded;
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
        // never an uploaded one: only an operator's publication puts those in force
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
        if (!isShipped(ruleSet.version())) {
            RuleSetUploadEntity upload = RuleSetUploadEntity.findById(ruleSet.version());
            if (upload != null && !RuleSetUploadEntity.PUBLISHED.equals(upload.status)) {
                upload.status = RuleSetUploadEntity.PUBLISHED;
                upload.publishedAt = activation.activatedAt;
                upload.publishedBy = actor;
                uploaded.put(ruleSet.version(), new Uploaded(ruleSet, upload.revision, upload.status,
                        upload.publishedAt));
            }
        }
    }
}
