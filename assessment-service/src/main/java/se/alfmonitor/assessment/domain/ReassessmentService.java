package se.alfmonitor.assessment.domain;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.domain.rules.CompiledRuleSet;
import se.alfmonitor.assessment.domain.rules.RuleSets;
import se.alfmonitor.assessment.persistence.AssessmentEntity;
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
     * every unit's lock at once. */
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
        int changed = 0;
        int batchSize = Math.max(1, config.reassessBatchSize());
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            changed += QuarkusTransaction.requiringNew().call(() -> reassessBatch(batch, ruleSet));
        }
        LOG.infof("Rule set %s published by %s: %d units re-assessed, %d changed", version, actor, ids.size(),
                changed);
        return new PublishResult(ruleSet.version(), ruleSet.questionnaireKey(), ruleSet.questionnaireVersion(),
                ids.size(), changed);
    }

    private int reassessBatch(List<Long> ids, CompiledRuleSet ruleSet) {
        int changed = 0;
        for (Long id : ids) {
            AssessmentEntity candidate = AssessmentEntity.findById(id);
            // a newer version may have arrived since the ids were read, perhaps still under the old rule set;
            // re-assessing whatever is latest now is a no-op when it is already up to date
            AssessmentEntity latest = candidate == null ? null
                    : assessments.latestForUpdate(candidate.unitId, candidate.campaignId);
            if (latest != null
                    && assessments.reassess(latest, ruleSet, AssessmentService.REASON_RULE_SET).isPresent()) {
                changed++;
            }
        }
        entityManager.flush();
        entityManager.clear();
        return changed;
    }
}
