package se.alfmonitor.assessment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.domain.rules.CompiledRuleSet;
import se.alfmonitor.assessment.domain.rules.RuleSets;
import se.alfmonitor.assessment.persistence.AssessmentEntity;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.problem.ProblemException;

/**
 * Publishing a rule set version: it is put in force for its questionnaire version, then the latest revision of every
 * unit assessed under that questionnaire version is assessed again in batches, and only changed assessments are
 * stored and published.
 */
@ApplicationScoped
public class ReassessmentService {

    private static final Logger LOG = Logger.getLogger(ReassessmentService.class);

    private final RuleSets ruleSets;
    private final AssessmentService assessments;
    private final AssessmentConfig config;
    private final EntityManager entityManager;

    public ReassessmentService(RuleSets ruleSets, AssessmentService assessments, AssessmentConfig config,
            EntityManager entityManager) {
        this.ruleSets = ruleSets;
        this.assessments = assessments;
        this.config = config;
        this.entityManager = entityManager;
    }

    public record PublishResult(String ruleSetVersion, String questionnaireKey, String questionnaireVersion,
            int assessed, int changed) {
    }

    /** Not transactional itself: one transaction activates, then one per batch, so a large campaign never holds
     * every unit's lock at once, and the batches run in parallel. */
    public PublishResult publish(String version, String actor) {
        CompiledRuleSet ruleSet = ruleSets.find(version)
                .orElseThrow(() -> ProblemException.notFound("RULE_SET_NOT_FOUND", "No rule set " + version));
        QuarkusTransaction.requiringNew().run(() -> ruleSets.activate(ruleSet, actor));
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select a.id from AssessmentEntity a where a.latest = true and a.questionnaireKey = :key"
                        + " and a.questionnaireVersion = :version and a.answers is not null order by a.id",
                Long.class)
                .setParameter("key", ruleSet.questionnaireKey())
                .setParameter("version", ruleSet.questionnaireVersion())
                .getResultList());
        int batchSize = Math.max(1, config.reassessBatchSize());
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += batchSize) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + batchSize)));
        }
        int changed = inParallel(batches, batch -> QuarkusTransaction.requiringNew()
                .call(() -> reassessBatch(batch, ruleSet)));
        LOG.infof("Rule set %s published by %s: %d units re-assessed, %d changed", version, actor, ids.size(),
                changed);
        return new PublishResult(ruleSet.version(), ruleSet.questionnaireKey(), ruleSet.questionnaireVersion(),
                ids.size(), changed);
    }

    /**
     * The batches on {@code reassess-parallelism} threads: evaluating the rules is CPU work, and each batch waits
     * for the database in between. Batches hold disjoint units, so they never wait for each other's locks. The first
     * failure stops the batches not yet started; those already committed stay.
     */
    private int inParallel(List<List<Long>> batches, Function<List<Long>, Integer> work) {
        int threads = Math.max(1, Math.min(config.reassessParallelism(), batches.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "reassessment"));
        try {
            List<Future<Integer>> results = new ArrayList<>(batches.size());
            for (List<Long> batch : batches) {
                results.add(pool.submit(() -> work.apply(batch)));
            }
            int changed = 0;
            for (Future<Integer> result : results) {
                changed += result.get();
            }
            return changed;
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Re-assessment interrupted", e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * What re-assessing needs of each row, read without the session, the stored levels included: they are compared
     * with the new result for rows already under this rule set, and stand for the unchanged levels of rows under an
     * earlier one ({@link AssessmentService#reassessAll}). The rows are never changed through the session;
     * {@link AssessmentService#reassessAll} clears their latest flag by one update.
     */
    private List<AssessmentEntity> readForReassessment(List<Long> ids) {
        List<AssessmentEntity> rows = new ArrayList<>(ids.size());
        for (Object[] row : entityManager.createQuery("select a.id, a.unitId, a.regionCode, a.campaignId,"
                + " a.submissionId, a.submissionRevision, a.version, a.ruleSetVersion, a.questionnaireKey,"
                + " a.questionnaireVersion, a.answers, a.directPatientContact, a.designatedYear, a.levels"
                + " from AssessmentEntity a where a.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            AssessmentEntity a = new AssessmentEntity();
            a.id = (Long) row[0];
            a.unitId = (String) row[1];
            a.regionCode = (String) row[2];
            a.campaignId = (String) row[3];
            a.submissionId = (UUID) row[4];
            a.submissionRevision = (Integer) row[5];
            a.version = (Integer) row[6];
            a.ruleSetVersion = (String) row[7];
            a.questionnaireKey = (String) row[8];
            a.questionnaireVersion = (String) row[9];
            a.answers = (JsonNode) row[10];
            a.directPatientContact = (Boolean) row[11];
            a.designatedYear = (Integer) row[12];
            @SuppressWarnings("unchecked")
            List<AssessmentCompleted.Level> levels = (List<AssessmentCompleted.Level>) row[13];
            a.levels = levels;
            a.latest = true;
            rows.add(a);
        }
        return rows;
    }

    private int reassessBatch(List<Long> ids, CompiledRuleSet ruleSet) {
        // the rows still latest, locked against a concurrent new version
        List<Long> locked = entityManager.createNativeQuery(
                "select id from assessment where id in (:ids) and latest order by id for update", Long.class)
                .setParameter("ids", ids)
                .getResultList();
        List<AssessmentEntity> latest = locked.isEmpty() ? new ArrayList<>() : readForReassessment(locked);
        if (latest.size() < ids.size()) {
            // a newer version may have arrived since the ids were read, perhaps still under the old rule set;
            // re-assessing whatever is latest now is a no-op when it is already up to date
            Set<Long> included = new HashSet<>();
            latest.forEach(a -> included.add(a.id));
            for (Long id : ids) {
                if (included.contains(id)) {
                    continue;
                }
                AssessmentEntity candidate = AssessmentEntity.findById(id);
                AssessmentEntity now = candidate == null ? null
                        : assessments.latestForUpdate(candidate.unitId, candidate.campaignId);
                if (now != null && included.add(now.id)) {
                    latest.add(now);
                }
            }
        }
        int changed = assessments.reassessAll(latest, ruleSet, AssessmentService.REASON_RULE_SET);
        entityManager.flush();
        entityManager.clear();
        return changed;
    }
}
