package se.alfmonitor.assessment.reassessment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.assessment.UnitLock;
import se.alfmonitor.assessment.override.SiteVisitOverrideEntity;
import se.alfmonitor.assessment.override.SiteVisitOverrides;
import se.alfmonitor.assessment.remediation.RemediationService;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.rules.CelLevelEvaluator;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewDecision;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewRequest;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;

/**
 * The batch write path of a rule set publication: {@link AssessmentService#reassess} for a batch of units at once,
 * with a constant number of round trips whatever the batch's size. Each new version is made as the single path
 * makes it ({@link AssessmentService#nextVersionOf}, {@link AssessmentService#fill}); what differs is how they are
 * read, carried over, inserted and published.
 */
@ApplicationScoped
public class BatchReassessment {

    private final CelLevelEvaluator evaluator;
    private final RuleSets ruleSets;
    private final ReviewService reviews;
    private final RemediationService remediations;
    private final Outbox outbox;
    private final AssessmentService assessments;
    private final ObjectMapper json;

    public BatchReassessment(CelLevelEvaluator evaluator, RuleSets ruleSets, ReviewService reviews,
            RemediationService remediations, Outbox outbox, AssessmentService assessments, ObjectMapper json) {
        this.evaluator = evaluator;
        this.ruleSets = ruleSets;
        this.reviews = reviews;
        this.remediations = remediations;
        this.outbox = outbox;
        this.assessments = assessments;
        this.json = json;
    }

    /**
     * {@link AssessmentService#reassess} for many units at once, with a constant number of round trips: the units'
     * review and remediation items are read in one query each, the old versions updated in one statement, the new
     * versions and their outbox rows inserted by one statement each.
     *
     * <p>A unit assessed under an earlier rule set keeps the stored result of every level whose rule did not change
     * (see {@link #carriableLevels}); only the other levels are evaluated. The new version stores a carried level as
     * a stub naming the row that holds its explanation ({@link CarriedLevels}), and its event takes the levels
     * composed from the rows when the relay sends it, so the several kB of explanations of an unchanged level are
     * neither read, written nor sent by this service, nor stored again.
     *
     * @param latest the latest assessment of each unit, whose lock ({@link UnitLock}) the caller holds; its
     *        {@code levels} are needed only when it is under {@code ruleSet} already (to tell whether anything
     *        changed)
     * @param stored the stored levels of each of {@code latest} by id, as {@link LevelSummary}s; those missing are
     *        taken from the assessment's {@code levelSummary}, or else its {@code levels}
     * @return how many units got a new version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reassessAll(List<AssessmentEntity> latest, Map<Long, List<LevelSummary>> stored,
            CompiledRuleSet ruleSet, String reason) {
        List<AssessmentEntity> previous = new ArrayList<>();
        List<List<LevelResult>> results = new ArrayList<>();
        for (Evaluated evaluated : evaluateAll(latest, stored, ruleSet,
                (assessment, known) -> reviews.decisionsFor(assessment, ruleSet, known))) {
            if (!assessments.unchanged(evaluated.assessment(), ruleSet, evaluated.levels())) {
                previous.add(evaluated.assessment());
                results.add(evaluated.levels());
            }
        }
        if (previous.isEmpty()) {
            return 0;
        }
        // the partial unique index on latest must see the old rows cleared before the new ones arrive; one update,
        // as the caller may have read them read-only
        previous.forEach(p -> p.latest = false);
        AssessmentEntity.update("latest = false where id in ?1", previous.stream().map(p -> p.id).toList());
        List<AssessmentEntity> next = new ArrayList<>(previous.size());
        Instant assessedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < previous.size(); i++) {
            AssessmentEntity version = AssessmentService.nextVersionOf(previous.get(i));
            AssessmentService.fill(previous.get(i), version, ruleSet, results.get(i), reason);
            // the versions of one batch are assessed at one instant, which the insert writes once
            version.assessedAt = assessedAt;
            next.add(version);
        }
        List<Long> ids = insertNextVersions(previous, next);
        remediations.syncAll(next, previous.stream().map(p -> storedLevels(p, stored)).toList());
        AssessmentEntity.flush();
        List<Outbox.Pending<ObjectNode>> events = new ArrayList<>(next.size());
        for (AssessmentEntity version : next) {
            events.add(new Outbox.Pending<>(version.unitId, version.unitId, eventHead(version)));
        }
        outbox.publishAllReferring(Topic.ASSESSMENTS, events, AssessmentEventPayloads.KIND, ids);
        return next.size();
    }

    /** Where an evaluation of one unit looks up the assessors' decisions on its examples. */
    @FunctionalInterface
    public interface Decisions {
        Function<ReviewRequest, Optional<ReviewDecision>> of(AssessmentEntity assessment,
                ReviewService.KnownReviews known);
    }

    /** One unit's levels as {@code ruleSet} decides them now, before anything is stored. */
    public record Evaluated(AssessmentEntity assessment, List<LevelResult> levels) {
    }

    /**
     * The evaluation half of {@link #reassessAll}: each unit's levels under {@code ruleSet} with the assessors'
     * decisions and the site-visit overrides in force, the levels whose rule did not change carried over from what
     * is stored (as stubs: their outcome is the stored one). Writes nothing itself; whether looking up a decision
     * queues an example is up to {@code decisions}. Units without answers are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Evaluated> evaluateAll(List<AssessmentEntity> latest, Map<Long, List<LevelSummary>> stored,
            CompiledRuleSet ruleSet, Decisions decisions) {
        ReviewService.KnownReviews known = reviews.known(latest);
        Map<String, List<SiteVisitOverrideEntity>> overrides = SiteVisitOverrides.inForce(latest);
        Map<String, Set<Integer>> carriedSince = new HashMap<>();
        List<Evaluated> evaluated = new ArrayList<>(latest.size());
        for (AssessmentEntity assessment : latest) {
            if (assessment.answers == null) {
                continue;
            }
            List<SiteVisitOverrideEntity> inForce = overrides.getOrDefault(
                    SiteVisitOverrides.key(assessment.unitId, assessment.campaignId), List.of());
            Set<Integer> carriable = ruleSet.version().equals(assessment.ruleSetVersion) ? Set.of()
                    : carriedSince.computeIfAbsent(assessment.ruleSetVersion, v -> carriableLevels(v, ruleSet));
            evaluated.add(new Evaluated(assessment, SiteVisitOverrides.apply(inForce,
                    evaluator.evaluate(ruleSet, assessment.answers, AssessmentService.facts(assessment),
                            decisions.of(assessment, known),
                            carriedOver(assessment.id, storedLevels(assessment, stored), carriable, inForce,
                                    known)))));
        }
        return evaluated;
    }

    /**
     * The levels whose stored result may stand for their evaluation under {@code ruleSet} when a unit was assessed
     * under {@code earlierVersion}: those whose rule is unchanged ({@link CompiledRuleSet#levelsUnchangedSince}).
     * None when the earlier rule set is unknown or its levels differ.
     */
    private Set<Integer> carriableLevels(String earlierVersion, CompiledRuleSet ruleSet) {
        return ruleSets.find(earlierVersion).map(ruleSet::levelsUnchangedSince).orElse(Set.of());
    }

    /** The summary of the levels {@code assessment} stores, stubs included. */
    public static List<LevelSummary> storedLevels(AssessmentEntity assessment, Map<Long, List<LevelSummary>> stored) {
        List<LevelSummary> given = stored.get(assessment.id);
        if (given != null) {
            return given;
        }
        return assessment.levelSummary != null ? assessment.levelSummary
                : LevelSummary.of(assessment.storedLevels != null ? assessment.storedLevels : assessment.levels);
    }

    /**
     * The stored results of {@code carriable} levels of the version {@code rowId}, as stubs naming the row that holds
     * each one's explanation: the same rule over the same answers, unit facts and assessor decision gives the same
     * outcome and explanation, flags included ({@link CarriedLevels} composes it with the new rule set version).
     * Evaluated again are: a level whose stored explanation holds a site-visit override, a level with an override in
     * force now, and a level whose explanation names an assessor's decision on its example that has changed since
     * (decided, commented, superseded), as an evaluation would look the decision up again (and queue the example).
     */
    private static IntFunction<LevelResult> carriedOver(long rowId, List<LevelSummary> stored,
            Set<Integer> carriable, List<SiteVisitOverrideEntity> inForce, ReviewService.KnownReviews known) {
        if (carriable.isEmpty() || stored.isEmpty()) {
            return number -> null;
        }
        Map<Integer, LevelSummary> byNumber = new HashMap<>();
        stored.forEach(level -> byNumber.put(level.number(), level));
        inForce.forEach(o -> byNumber.remove(o.level));
        return number -> {
            LevelSummary level = carriable.contains(number) ? byNumber.get(number) : null;
            boolean decisionChanged = level != null && level.decidedApart()
                    && (level.review() == null || !known.stillAsNamed(level.review()));
            if (level == null || decisionChanged) {
                return null;
            }
            return new LevelResult(number, level.area(), level.outcome(),
                    CarriedLevels.stub(level.textIn() != null ? level.textIn() : rowId, level.review()));
        };
    }

    /**
     * Inserts the new versions in one statement and returns their ids, in order. The columns a new version of the
     * same submitted revision shares with the one it replaces (the answers above all) are copied inside the database
     * rather than written again. Its levels are stored as given: the carried ones as stubs.
     */
    private List<Long> insertNextVersions(List<AssessmentEntity> previous, List<AssessmentEntity> next) {
        int n = next.size();
        Long[] previousIds = new Long[n];
        Integer[] versions = new Integer[n];
        Integer[] metCounts = new Integer[n];
        Boolean[] allMet = new Boolean[n];
        Integer[] pending = new Integer[n];
        String[] levels = new String[n];
        String[] areas = new String[n];
        String[] summaries = new String[n];
        for (int i = 0; i < n; i++) {
            AssessmentEntity version = next.get(i);
            previousIds[i] = previous.get(i).id;
            versions[i] = version.version;
            metCounts[i] = version.metCount;
            allMet[i] = version.allMet;
            pending[i] = version.pendingReviews;
            levels[i] = write(version.levels);
            areas[i] = write(version.areas);
            version.storedLevels = version.levels;
            version.levelSummary = LevelSummary.of(version.levels);
            summaries[i] = write(version.levelSummary);
        }
        // a unit appears once among the latest versions, so its unit and campaign tell the new rows apart
        Map<String, Long> ids = new HashMap<>();
        AssessmentEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into assessment (unit_id, region_code, campaign_id, submission_id, submission_revision,
                        questionnaire_key, questionnaire_version, answers, direct_patient_contact, designated_year,
                        version, rule_set_version, assessed_at, met_count, all_met, pending_reviews, levels, areas,
                        reason, latest, level_summary)
                    select p.unit_id, p.region_code, p.campaign_id, p.submission_id, p.submission_revision,
                        p.questionnaire_key, p.questionnaire_version, p.answers, p.direct_patient_contact,
                        p.designated_year, n.version, ?, ?, n.met_count, n.all_met, n.pending_reviews,
                        cast(n.levels as json), cast(n.areas as jsonb), ?, true, cast(n.level_summary as json)
                    from unnest(?, ?, ?, ?, ?, ?, ?, ?) with ordinality
                        as n(previous_id, version, met_count, all_met, pending_reviews, levels, areas, level_summary,
                            ord)
                    join assessment p on p.id = n.previous_id
                    order by n.ord
                    returning id, unit_id, campaign_id""")) {
                AssessmentEntity first = next.get(0);
                insert.setString(1, first.ruleSetVersion);
                insert.setObject(2, first.assessedAt.atOffset(ZoneOffset.UTC));
                insert.setString(3, first.reason);
                insert.setArray(4, connection.createArrayOf("bigint", previousIds));
                insert.setArray(5, connection.createArrayOf("integer", versions));
                insert.setArray(6, connection.createArrayOf("integer", metCounts));
                insert.setArray(7, connection.createArrayOf("boolean", allMet));
                insert.setArray(8, connection.createArrayOf("integer", pending));
                insert.setArray(9, connection.createArrayOf("text", levels));
                insert.setArray(10, connection.createArrayOf("text", areas));
                insert.setArray(11, connection.createArrayOf("text", summaries));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.put(SiteVisitOverrides.key(rs.getString(2), rs.getString(3)), rs.getLong(1));
                    }
                }
            }
        });
        List<Long> inOrder = new ArrayList<>(n);
        for (AssessmentEntity version : next) {
            Long id = ids.get(SiteVisitOverrides.key(version.unitId, version.campaignId));
            if (id == null) {
                throw new IllegalStateException("A new assessment version of " + version.unitId + " was not inserted");
            }
            inOrder.add(id);
        }
        return inOrder;
    }

    /** The data of {@code a}'s event without its levels, which the outbox takes from the stored row. */
    private ObjectNode eventHead(AssessmentEntity a) {
        return json.valueToTree(new AssessmentCompleted(a.unitId, a.regionCode, a.campaignId, a.submissionId,
                a.submissionRevision, a.version, a.ruleSetVersion, a.assessedAt, a.metCount, a.allMet,
                a.pendingReviews, null));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
