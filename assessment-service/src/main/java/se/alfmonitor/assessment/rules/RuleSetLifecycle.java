package se.alfmonitor.assessment.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.locking.KeyedLocks;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;

/**
 * Rule sets uploaded over the API: a candidate is stored as a DRAFT only when it compiles and passes every check
 * ({@link RuleSetCompiler#check}); a draft can be replaced or deleted; publishing it ({@link RuleSets#activate}) makes
 * it PUBLISHED and immutable, as a shipped rule set always is. The table is the truth: every replica reads it at
 * start, and again ({@link #refresh}) before any request that names an uploaded version, so that an upload through
 * one replica is seen by the others.
 */
@ApplicationScoped
public class RuleSetLifecycle {

    private static final Logger LOG = Logger.getLogger(RuleSetLifecycle.class);

    /** The namespace of the rule-set versions' locks, apart from the units' and the relay's. */
    static final int NAMESPACE = 0x414c4652;

    private final RuleSets ruleSets;
    private final KeyedLocks locks;

    public RuleSetLifecycle(RuleSets ruleSets, KeyedLocks locks) {
        this.ruleSets = ruleSets;
        this.locks = locks;
    }

    /**
     * @param created true for a new version, false when a draft was replaced
     */
    public record Upload(String version, @Schema(enumeration = { "DRAFT", "PUBLISHED" }) String status,
            int revision, boolean created) {
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::refresh);
    }

    /** What {@link #refresh} reads of every stored upload: enough to tell whether the one held here is current. */
    record Stored(String version, int revision, String status, Instant publishedAt) {
    }

    /**
     * Brings the uploaded rule sets held in memory in line with the table, compiling only what changed. Every request
     * that names an uploaded version calls it, so it reads each row's version, revision and status only; a document
     * is read (and compiled) only for a version whose revision is not the one held here.
     */
    @Transactional
    public void refresh() {
        Set<String> stored = new HashSet<>();
        List<Stored> rows = RuleSetUploadEntity.getEntityManager().createQuery(
                "select u.version, u.revision, u.status, u.publishedAt from RuleSetUploadEntity u", Object[].class)
                .getResultStream()
                .map(r -> new Stored((String) r[0], (Integer) r[1], (String) r[2], (Instant) r[3]))
                .toList();
        for (Stored row : rows) {
            stored.add(row.version());
            RuleSets.Uploaded held = ruleSets.uploaded().get(row.version());
            if (held != null && held.revision() == row.revision()) {
                if (!held.status().equals(row.status())) {
                    ruleSets.uploaded().put(row.version(), new RuleSets.Uploaded(held.ruleSet(), row.revision(),
                            row.status(), row.publishedAt()));
                }
                continue;
            }
            RuleSetUploadEntity upload = RuleSetUploadEntity.findById(row.version());
            if (upload == null) {
                // deleted since the rows were read
                stored.remove(row.version());
                continue;
            }
            RuleSetCompiler.Checked checked = RuleSetCompiler.check((ObjectNode) upload.document);
            if (checked.ruleSet() == null) {
                // checked when uploaded; only a change of the questionnaire definitions can make it fail now
                LOG.errorf("Uploaded rule set %s no longer compiles: %s", upload.version, checked.problems());
                continue;
            }
            ruleSets.uploaded().put(upload.version, new RuleSets.Uploaded(checked.ruleSet(), upload.revision,
                    upload.status, upload.publishedAt));
        }
        ruleSets.uploaded().keySet().retainAll(stored);
    }

    /**
     * Stores a candidate rule set as a DRAFT, new or replacing a draft of the same version; refused with every
     * problem at once (400 {@code RULE_SET_INVALID}) and nothing changed when it does not pass every check.
     */
    @Transactional
    public Upload upload(String version, ObjectNode document, String actor) {
        immutableIfShipped(version);
        // a version's first upload has no row to lock yet: two at once would both create it
        locks.lock(key(version));
        RuleSetUploadEntity row = RuleSetUploadEntity.findById(version, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && RuleSetUploadEntity.PUBLISHED.equals(row.status)) {
            throw published(version);
        }
        RuleSetCompiler.Checked checked = RuleSetCompiler.check(document);
        List<FieldError> problems = new ArrayList<>(checked.problems());
        String given = document.path("version").asText(null);
        if (given != null && !given.equals(version)) {
            problems.add(new FieldError("VERSION_MISMATCH", "/version",
                    "the document is version " + given + ", uploaded as " + version));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("RULE_SET_INVALID",
                    problems.size() + " problem(s) found in rule set " + version + "; nothing was stored", problems);
        }
        boolean created = row == null;
        if (created) {
            row = new RuleSetUploadEntity();
            row.version = version;
            row.revision = 0;
        }
        CompiledRuleSet ruleSet = checked.ruleSet();
        row.questionnaireKey = ruleSet.questionnaireKey();
        row.questionnaireVersion = ruleSet.questionnaireVersion();
        row.document = document;
        row.status = RuleSetUploadEntity.DRAFT;
        row.revision++;
        row.uploadedBy = actor;
        row.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.persist();
        ruleSets.uploaded().put(version, new RuleSets.Uploaded(ruleSet, row.revision, row.status, null));
        LOG.infof("Rule set %s uploaded by %s as a draft (revision %d)", version, actor, row.revision);
        return new Upload(version, row.status, row.revision, created);
    }

    /** The key of a rule-set version's lock, taken by every upload of that version before it reads the stored one. */
    public static KeyedLocks.Key key(String version) {
        return KeyedLocks.Key.of(NAMESPACE, version);
    }

    /** Deletes a draft; a published or shipped rule set stays. */
    @Transactional
    public void delete(String version, String actor) {
        immutableIfShipped(version);
        RuleSetUploadEntity row = RuleSetUploadEntity.findById(version, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("RULE_SET_NOT_FOUND", "No rule set " + version);
        }
        if (RuleSetUploadEntity.PUBLISHED.equals(row.status)) {
            throw published(version);
        }
        row.delete();
        ruleSets.uploaded().remove(version);
        LOG.infof("Draft rule set %s deleted by %s", version, actor);
    }

    private void immutableIfShipped(String version) {
        if (ruleSets.isShipped(version)) {
            throw ProblemException.conflict("RULE_SET_IMMUTABLE",
                    "Rule set " + version + " is shipped with the service and cannot be changed or deleted");
        }
    }

    private static ProblemException published(String version) {
        return ProblemException.conflict("RULE_SET_IMMUTABLE",
                "Rule set " + version + " is published and cannot be changed or deleted");
    }
}
