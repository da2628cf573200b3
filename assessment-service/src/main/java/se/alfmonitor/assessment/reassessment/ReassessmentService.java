package se.alfmonitor.assessment.reassessment;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.assessment.UnitLock;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSets;
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
    private static final TypeReference<List<AssessmentCompleted.Level>> LEVELS = new TypeReference<>() {
    };
    private static final TypeReference<List<LevelSummary>> SUMMARY = new TypeReference<>() {
    };

    private final RuleSets ruleSets;
    private final BatchReassessment batchReassessment;
    private final AssessmentConfig config;
    private final EntityManager entityManager;
    private final CarriedLevels carried;
    private final UnitLock unitLock;
    private final ObjectMapper json;

    public ReassessmentService(RuleSets ruleSets, BatchReassessment batchReassessment, AssessmentConfig config,
            EntityManager entityManager, CarriedLevels carried, UnitLock unitLock, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.batchReassessment = batchReassessment;
        this.config = config;
        this.entityManager = entityManager;
        this.carried = carried;
        this.unitLock = unitLock;
        this.json = StoredJson.readerOf(json);
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
        int batchSize = batchSize();
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
     * for the database in between. Batches hold disjoint units, so they never wait for each other's locks; a batch
     * waits for a single unit's decision, override or new revision in progress, and they for it. The first
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

    /** The rows to re-assess, as {@link BatchReassessment#reassessAll} takes them. */
    public record Rows(List<AssessmentEntity> latest, Map<Long, List<LevelSummary>> stored) {
    }

    /**
     * The latest assessments of the units of one campaign under {@code ruleSet}'s questionnaire version that have
     * answers, by id, for a caller that evaluates them in batches of {@link #batchSize()} without writing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> latestIds(String campaignId, CompiledRuleSet ruleSet) {
        return entityManager.createQuery(
                "select a.id from AssessmentEntity a where a.latest = true and a.campaignId = :campaign"
                        + " and a.questionnaireKey = :key and a.questionnaireVersion = :version"
                        + " and a.answers is not null order by a.id",
                Long.class)
                .setParameter("campaign", campaignId)
                .setParameter("key", ruleSet.questionnaireKey())
                .setParameter("version", ruleSet.questionnaireVersion())
                .getResultList();
    }

    public int batchSize() {
        return Math.max(1, config.reassessBatchSize());
    }

    /**
     * What {@link BatchReassessment#evaluateAll} needs of the latest assessments of the units of the rows {@code ids}
     * (a version made since the ids were listed in place of the one listed), read as a publication's batch reads them
     * but without taking the units' locks: for a reader that stores nothing, each batch is one consistent snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rows read(List<Long> ids, CompiledRuleSet ruleSet) {
        List<Long> latestIds = ids.isEmpty() ? List.of() : latestOfUnits(ids, ruleSet);
        return latestIds.isEmpty() ? new Rows(new ArrayList<>(), Map.of()) : readForReassessment(latestIds, ruleSet);
    }

    /** The latest assessment with answers under {@code ruleSet}'s questionnaire version of each unit of {@code ids}. */
    private List<Long> latestOfUnits(List<Long> ids, CompiledRuleSet ruleSet) {
        return entityManager.createNativeQuery("""
                select a.id from assessment a
                where a.latest and a.questionnaire_key = :key and a.questionnaire_version = :version
                    and a.answers is not null
                    and (a.unit_id, a.campaign_id) in (select unit_id, campaign_id from assessment where id in (:ids))
                order by a.id""", Long.class)
                .setParameter("ids", ids)
                .setParameter("key", ruleSet.questionnaireKey())
                .setParameter("version", ruleSet.questionnaireVersion())
                .getResultList();
    }

    /**
     * What re-assessing needs of each row, read by JDBC without the session: the rows are never changed through it;
     * {@link BatchReassessment#reassessAll} clears their latest flag by one update. Of the stored levels only their
     * summary is read ({@link LevelSummary}, stored with each version; for a version stored before there was one,
     * made by the database from the levels, leaving out the explanations); the whole levels, composed
     * ({@link CarriedLevels}), only of rows already under {@code ruleSet}, to tell whether anything changed.
     */
    private Rows readForReassessment(List<Long> ids, CompiledRuleSet ruleSet) {
        List<AssessmentEntity> rows = new ArrayList<>(ids.size());
        Map<Long, List<LevelSummary>> stored = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, unit_id, region_code, campaign_id, submission_id, submission_revision, version,
                        rule_set_version, questionnaire_key, questionnaire_version, cast(answers as text),
                        direct_patient_contact, designated_year, rule_set_version = ?,
                        coalesce(cast(level_summary as text),
                            (select cast(json_agg(json_build_array(l->'number', l->'area', l->'outcome',
                                    jsonb_exists_any(cast(l->'explanation' as jsonb), array['override', 'review']),
                                    l->'explanation'->'carriedFrom')) as text)
                                from json_array_elements(levels) l))
                    from assessment where id = any (?)""")) {
                select.setString(1, ruleSet.version());
                select.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                List<AssessmentEntity> underRuleSet = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AssessmentEntity a = new AssessmentEntity();
                        a.id = rs.getLong(1);
                        a.unitId = rs.getString(2);
                        a.regionCode = rs.getString(3);
                        a.campaignId = rs.getString(4);
                        a.submissionId = rs.getObject(5, UUID.class);
                        a.submissionRevision = rs.getInt(6);
                        a.version = rs.getInt(7);
                        a.ruleSetVersion = rs.getString(8);
                        a.questionnaireKey = rs.getString(9);
                        a.questionnaireVersion = rs.getString(10);
                        // the JSON columns' bytes as the server sent them (UTF-8), parsed without a String between
                        byte[] answers = rs.getBytes(11);
                        a.answers = answers == null ? null : json.readTree(answers);
                        a.directPatientContact = rs.getObject(12, Boolean.class);
                        a.designatedYear = rs.getObject(13, Integer.class);
                        if (rs.getBoolean(14)) {
                            underRuleSet.add(a);
                        }
                        a.latest = true;
                        rows.add(a);
                        stored.put(a.id, storedLevels(rs.getBytes(15)));
                    }
                }
                if (!underRuleSet.isEmpty()) {
                    Map<Long, byte[]> levels = carried.readJoined(connection,
                            underRuleSet.stream().map(a -> a.id).toArray(Long[]::new));
                    for (AssessmentEntity a : underRuleSet) {
                        a.levels = json.readValue(levels.get(a.id), LEVELS);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("A stored assessment is not readable JSON", e);
            }
        });
        return new Rows(rows, stored);
    }

    private List<LevelSummary> storedLevels(byte[] summary) throws IOException {
        return summary == null ? List.of() : json.readValue(summary, SUMMARY);
    }

    /**
     * Takes the locks of the batch's units ({@link UnitLock}), then re-assesses what is latest for each of them now:
     * a version made since the ids were read (a new revision, a decision, an override) is re-assessed in place of
     * the one listed, if it is still of this rule set's questionnaire version.
     */
    private int reassessBatch(List<Long> ids, CompiledRuleSet ruleSet) {
        @SuppressWarnings("unchecked")
        List<Object[]> units = entityManager.createNativeQuery(
                "select distinct unit_id, campaign_id from assessment where id in (:ids)")
                .setParameter("ids", ids)
                .getResultList();
        unitLock.lockAll(units.stream().map(u -> new UnitLock.Unit((String) u[0], (String) u[1])).toList());
        List<Long> latestIds = latestOfUnits(ids, ruleSet);
        Rows rows = latestIds.isEmpty() ? new Rows(new ArrayList<>(), Map.of())
                : readForReassessment(latestIds, ruleSet);
        int changed = batchReassessment.reassessAll(rows.latest(), rows.stored(), ruleSet,
                AssessmentService.REASON_RULE_SET);
        entityManager.flush();
        entityManager.clear();
        return changed;
    }
}
