package se.alfmonitor.assessment.assessment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.override.SiteVisitOverrides;
import se.alfmonitor.assessment.reassessment.CarriedLevels;
import se.alfmonitor.assessment.remediation.RemediationService;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.rules.CelLevelEvaluator;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.UnitFacts;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;

/**
 * Assesses submitted revisions and keeps every version of every unit's assessment: the single-unit write path. A new
 * version is made for a new revision, for an assessor's decision on an example, for a site-visit override and its
 * withdrawal, and for a repair; each is published. A rule set publication makes its new versions in batches
 * ({@code reassessment.BatchReassessment}), each as {@link #nextVersionOf} and {@link #fill} make one here.
 */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    static final String UNIT_QUESTIONNAIRE = "alf-usve";
    public static final String REASON_SUBMISSION = "SUBMISSION";
    public static final String REASON_REVIEW = "REVIEW_DECISION";
    public static final String REASON_RULE_SET = "RULE_SET";
    public static final String REASON_OVERRIDE = "SITE_VISIT_OVERRIDE";
    public static final String REASON_REPAIR = "CONSISTENCY_REPAIR";
    /** Numbers equal by value: a level read back from jsonb may hold an int where a fresh one holds a long. */
    private static final Comparator<JsonNode> SAME_NUMBER = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    private final CelLevelEvaluator evaluator;
    private final RuleSets ruleSets;
    private final ReviewService reviews;
    private final RemediationService remediations;
    private final Outbox outbox;
    private final CarriedLevels carried;
    private final UnitLock unitLock;
    private final ReceivedSubmissions received;
    private final ObjectMapper json;

    public AssessmentService(CelLevelEvaluator evaluator, RuleSets ruleSets, ReviewService reviews,
            RemediationService remediations, Outbox outbox, CarriedLevels carried, UnitLock unitLock,
            ReceivedSubmissions received, ObjectMapper json) {
        this.evaluator = evaluator;
        this.ruleSets = ruleSets;
        this.reviews = reviews;
        this.remediations = remediations;
        this.outbox = outbox;
        this.carried = carried;
        this.unitLock = unitLock;
        this.received = received;
        this.json = json;
    }

    /**
     * Assesses one submitted revision, unless the same or a later revision of the submission is already assessed.
     * The unit's lock is taken first, so the rule set in force and the latest version are read as the previous
     * holder (a decision, an override, a publication's batch) left them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AssessmentCompleted> assess(SubmissionSubmitted submission) {
        if (!UNIT_QUESTIONNAIRE.equals(submission.questionnaire().key())) {
            return Optional.empty();
        }
        String unitId = submission.unit().id();
        unitLock.lock(unitId, submission.campaignId());
        Optional<CompiledRuleSet> ruleSet = ruleSets.active(submission.questionnaire().key(),
                submission.questionnaire().version());
        if (ruleSet.isEmpty()) {
            LOG.warnf("No rule set for questionnaire %s/%s; submission %s is not assessed",
                    submission.questionnaire().key(), submission.questionnaire().version(),
                    submission.submissionId());
            return Optional.empty();
        }
        received.record(submission);
        AssessmentEntity previous = latest(unitId, submission.campaignId());
        if (previous != null && previous.submissionId.equals(submission.submissionId())
                && previous.submissionRevision >= submission.revision()) {
            LOG.debugf("Ignoring revision %s of %s: revision %s is already assessed", (Object) submission.revision(),
                    submission.submissionId(), previous.submissionRevision);
            return Optional.empty();
        }
        AssessmentEntity next = new AssessmentEntity();
        next.unitId = unitId;
        next.regionCode = submission.unit().regionCode();
        next.campaignId = submission.campaignId();
        next.submissionId = submission.submissionId();
        next.submissionRevision = submission.revision();
        next.questionnaireKey = submission.questionnaire().key();
        next.questionnaireVersion = submission.questionnaire().version();
        next.answers = submission.answers();
        next.directPatientContact = submission.unit().directPatientContact();
        next.designatedYear = submission.unit().designatedYear();
        return Optional.of(record(previous, next, ruleSet.get(), REASON_SUBMISSION));
    }

    /**
     * Evaluates the latest assessment of a unit again from its stored answers, and records and publishes a new
     * version only if anything changed.
     *
     * @return the new version, or empty if the outcome is the same
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AssessmentCompleted> reassess(AssessmentEntity latest, CompiledRuleSet ruleSet, String reason) {
        if (latest.answers == null) {
            return Optional.empty();
        }
        List<LevelResult> results = evaluate(latest, ruleSet);
        if (unchanged(latest, ruleSet, results)) {
            return Optional.empty();
        }
        return Optional.of(store(latest, nextVersionOf(latest), ruleSet, results, reason));
    }

    /**
     * The latest assessment of a unit in a campaign, read after taking the unit's lock ({@link UnitLock}), which the
     * caller's transaction then holds: no other version of the unit can be made until it ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentEntity lockedLatest(String unitId, String campaignId) {
        unitLock.lock(unitId, campaignId);
        return latest(unitId, campaignId);
    }

    private AssessmentEntity latest(String unitId, String campaignId) {
        AssessmentEntity latest = AssessmentEntity.<AssessmentEntity>find("unitId = ?1 and campaignId = ?2 and latest",
                unitId, campaignId).firstResult();
        if (latest != null) {
            carried.compose(List.of(latest));
        }
        return latest;
    }

    private AssessmentCompleted record(AssessmentEntity previous, AssessmentEntity next, CompiledRuleSet ruleSet,
            String reason) {
        return store(previous, next, ruleSet, evaluate(next, ruleSet), reason);
    }

    /** The rules, then the assessors' decisions on examples, then site-visit overrides (AMB-14). */
    private List<LevelResult> evaluate(AssessmentEntity assessment, CompiledRuleSet ruleSet) {
        return SiteVisitOverrides.apply(assessment.unitId, assessment.campaignId,
                evaluator.evaluate(ruleSet, assessment.answers, facts(assessment),
                        reviews.decisionsFor(assessment, ruleSet)));
    }

    public static UnitFacts facts(AssessmentEntity assessment) {
        return new UnitFacts(assessment.directPatientContact, assessment.designatedYear);
    }

    /** Whether {@code results} under {@code ruleSet} are what {@code latest} holds already. */
    public boolean unchanged(AssessmentEntity latest, CompiledRuleSet ruleSet, List<LevelResult> results) {
        return ruleSet.version().equals(latest.ruleSetVersion) && same(latest.levels, toLevels(results));
    }

    /** A new version of the same submitted revision, to be evaluated again. */
    public static AssessmentEntity nextVersionOf(AssessmentEntity latest) {
        AssessmentEntity next = new AssessmentEntity();
        next.unitId = latest.unitId;
        next.regionCode = latest.regionCode;
        next.campaignId = latest.campaignId;
        next.submissionId = latest.submissionId;
        next.submissionRevision = latest.submissionRevision;
        next.questionnaireKey = latest.questionnaireKey;
        next.questionnaireVersion = latest.questionnaireVersion;
        next.answers = latest.answers;
        next.directPatientContact = latest.directPatientContact;
        next.designatedYear = latest.designatedYear;
        return next;
    }

    private AssessmentCompleted store(AssessmentEntity previous, AssessmentEntity next, CompiledRuleSet ruleSet,
            List<LevelResult> results, String reason) {
        fill(previous, next, ruleSet, results, reason);
        if (previous != null) {
            previous.latest = false;
            // the partial unique index on latest must see the old row cleared before the new one arrives
            previous.flush();
        }
        next.persist();
        remediations.sync(next);
        AssessmentCompleted completed = toEvent(next);
        outbox.publish(Topic.ASSESSMENTS, next.unitId, next.unitId, completed);
        return completed;
    }

    /** Sets what a new version {@code next} of {@code previous} (null for a unit's first) holds for {@code results}. */
    public static void fill(AssessmentEntity previous, AssessmentEntity next, CompiledRuleSet ruleSet,
            List<LevelResult> results, String reason) {
        List<AssessmentCompleted.Level> levels = toLevels(results);
        int met = (int) levels.stream().filter(l -> l.outcome().fulfilled()).count();
        next.version = previous == null ? 1 : previous.version + 1;
        next.ruleSetVersion = ruleSet.version();
        next.assessedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        next.metCount = met;
        next.allMet = !levels.isEmpty() && met == levels.size();
        next.pendingReviews = (int) levels.stream().filter(l -> l.outcome() == LevelOutcome.PENDING_REVIEW).count();
        next.levels = levels;
        next.areas = areas(levels);
        next.reason = reason;
        next.latest = true;
    }

    public static Map<String, AreaCount> areas(List<AssessmentCompleted.Level> levels) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (AssessmentCompleted.Level level : levels) {
            int[] c = counts.computeIfAbsent(level.area(), a -> new int[2]);
            c[0] += level.outcome().fulfilled() ? 1 : 0;
            c[1]++;
        }
        Map<String, AreaCount> areas = new LinkedHashMap<>();
        counts.forEach((area, c) -> areas.put(area, new AreaCount(c[0], c[1])));
        return areas;
    }

    private static List<AssessmentCompleted.Level> toLevels(List<LevelResult> results) {
        return results.stream()
                .map(r -> new AssessmentCompleted.Level(r.number(), r.area(), r.outcome(), r.explanation()))
                .toList();
    }

    /** Equal as JSON: jsonb reorders object keys and may read back numbers as a narrower type. */
    private boolean same(List<AssessmentCompleted.Level> a, List<AssessmentCompleted.Level> b) {
        JsonNode left = json.valueToTree(a);
        JsonNode right = json.valueToTree(b);
        return left.equals(SAME_NUMBER, right);
    }

    public static AssessmentCompleted toEvent(AssessmentEntity a) {
        requireComposed(a);
        return new AssessmentCompleted(a.unitId, a.regionCode, a.campaignId, a.submissionId, a.submissionRevision,
                a.version, a.ruleSetVersion, a.assessedAt, a.metCount, a.allMet, a.pendingReviews, a.levels);
    }

    public static AssessmentView toView(AssessmentEntity a) {
        requireComposed(a);
        return new AssessmentView(a.unitId, a.regionCode, a.campaignId, a.submissionId, a.submissionRevision,
                a.version, a.ruleSetVersion, a.assessedAt, a.metCount, a.allMet, a.pendingReviews,
                a.areas == null ? areas(a.levels) : a.areas, a.levels);
    }

    /** A version loaded with stubs must have been composed ({@link CarriedLevels#compose}) before it is shown. */
    private static void requireComposed(AssessmentEntity a) {
        if (a.levels == null && a.storedLevels != null) {
            throw new IllegalStateException("The levels of assessment " + a.id + " are not composed");
        }
    }
}
