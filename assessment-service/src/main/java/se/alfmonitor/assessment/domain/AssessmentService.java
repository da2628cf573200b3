package se.alfmonitor.assessment.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.persistence.AssessmentEntity;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;

/** Assesses submitted revisions and keeps every version of every unit's assessment. */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    static final String UNIT_QUESTIONNAIRE = "alf-usve";

    private final LevelEvaluator evaluator;
    private final Outbox outbox;

    public AssessmentService(LevelEvaluator evaluator, Outbox outbox) {
        this.evaluator = evaluator;
        this.outbox = outbox;
    }

    /** Assesses one submitted revision, unless a later revision of the unit's submission is already assessed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AssessmentCompleted> assess(SubmissionSubmitted submission) {
        if (!UNIT_QUESTIONNAIRE.equals(submission.questionnaire().key())) {
            return Optional.empty();
        }
        String unitId = submission.unit().id();
        AssessmentEntity previous = AssessmentEntity
                .find("unitId = ?1 and campaignId = ?2 and latest", unitId, submission.campaignId())
                .firstResult();
        if (previous != null && previous.submissionId.equals(submission.submissionId())
                && previous.submissionRevision >= submission.revision()) {
            LOG.debugf("Ignoring revision %s of %s: revision %s is already assessed", (Object) submission.revision(),
                    submission.submissionId(), previous.submissionRevision);
            return Optional.empty();
        }
        List<AssessmentCompleted.Level> levels = evaluator.evaluate(submission);
        int met = (int) levels.stream().filter(l -> l.outcome().fulfilled()).count();
        int pending = (int) levels.stream()
                .filter(l -> l.outcome() == se.alfmonitor.contract.events.LevelOutcome.PENDING_REVIEW).count();

        AssessmentEntity next = new AssessmentEntity();
        next.unitId = unitId;
        next.regionCode = submission.unit().regionCode();
        next.campaignId = submission.campaignId();
        next.submissionId = submission.submissionId();
        next.submissionRevision = submission.revision();
        next.version = previous == null ? 1 : previous.version + 1;
        next.ruleSetVersion = evaluator.ruleSetVersion();
        next.assessedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        next.metCount = met;
        next.allMet = !levels.isEmpty() && met == levels.size();
        next.pendingReviews = pending;
        next.levels = levels;
        next.latest = true;
        if (previous != null) {
            previous.latest = false;
            previous.flush();
        }
        next.persist();

        AssessmentCompleted completed = toEvent(next);
        outbox.publish(Topic.ASSESSMENTS, unitId, unitId, completed);
        return Optional.of(completed);
    }

    public List<AssessmentCompleted> latest(String campaignId, String regionCode, String unitId) {
        StringBuilder query = new StringBuilder("latest = true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (campaignId != null) {
            query.append(" and campaignId = :campaignId");
            params.put("campaignId", campaignId);
        }
        if (regionCode != null) {
            query.append(" and regionCode = :regionCode");
            params.put("regionCode", regionCode);
        }
        if (unitId != null) {
            query.append(" and unitId = :unitId");
            params.put("unitId", unitId);
        }
        return AssessmentEntity.<AssessmentEntity>find(query.toString(), Sort.by("unitId"), params).list().stream()
                .map(AssessmentService::toEvent)
                .toList();
    }

    static AssessmentCompleted toEvent(AssessmentEntity a) {
        return new AssessmentCompleted(a.unitId, a.regionCode, a.campaignId, a.submissionId, a.submissionRevision,
                a.version, a.ruleSetVersion, a.assessedAt, a.metCount, a.allMet, a.pendingReviews, a.levels);
    }
}
