package se.alfmonitor.assessment.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.Session;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.QueryFilter;
import se.alfmonitor.assessment.reassessment.LevelSummary;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewDecision;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewRequest;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.WhitespaceRuns;
import se.alfmonitor.contract.problem.ProblemException;

/**
 * The review queue: every distinct example text of a unit, campaign and level is judged once. A later revision with
 * the same text (after normalising white space and Unicode form) keeps the earlier decision.
 */
@ApplicationScoped
public class ReviewService {

    private final EntityManager entityManager;

    public ReviewService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * What an evaluation needs of the review items of many units, read in one query by unit, campaign, level and
     * text hash: the decision, not the example or the criteria, and nothing the session has to watch for changes.
     */
    public static final class KnownReviews {

        /** A review item as {@link #decision} reads it. */
        private record Known(UUID id, ReviewStatus status, String comment, String decidedBy) {
        }

        private final Map<String, Known> items = new HashMap<>();
        private final Map<String, Known> byId = new HashMap<>();

        private static String key(String unitId, String campaignId, int level, String hash) {
            return unitId + '\u0000' + campaignId + '\u0000' + level + '\u0000' + hash;
        }

        private Optional<Known> find(AssessmentEntity assessment, int level, String hash) {
            return Optional.ofNullable(items.get(key(assessment.unitId, assessment.campaignId, level, hash)));
        }

        /**
         * Whether the review item a level's explanation names is still as named: not superseded, with the same
         * status, comment and assessor. Looking its example up again would then give the same decision.
         */
        public boolean stillAsNamed(LevelSummary.Review named) {
            Known item = named.id() == null ? null : byId.get(named.id());
            return item != null && item.status() != ReviewStatus.SUPERSEDED
                    && item.status().name().equals(named.status()) && Objects.equals(item.comment(), named.comment())
                    && Objects.equals(item.decidedBy(), named.decidedBy());
        }
    }

    /** Every review item of the units of {@code assessments}, for {@link #decisionsFor(AssessmentEntity,
     * CompiledRuleSet, KnownReviews)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownReviews known(List<AssessmentEntity> assessments) {
        KnownReviews known = new KnownReviews();
        Set<String> units = new HashSet<>();
        Set<String> campaigns = new HashSet<>();
        assessments.forEach(a -> {
            units.add(a.unitId);
            campaigns.add(a.campaignId);
        });
        if (units.isEmpty()) {
            return known;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select unit_id, campaign_id, level, text_hash, id, status, comment, decided_by
                    from review_item where unit_id = any (?) and campaign_id = any (?)""")) {
                select.setArray(1, connection.createArrayOf("text", units.toArray()));
                select.setArray(2, connection.createArrayOf("text", campaigns.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        KnownReviews.Known item = new KnownReviews.Known(rs.getObject(5, UUID.class),
                                ReviewStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8));
                        known.items.put(KnownReviews.key(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getString(4)), item);
                        known.byId.put(item.id().toString(), item);
                    }
                }
            }
        });
        return known;
    }

    /**
     * The assessor decisions an evaluation of {@code assessment} reads. An example seen for the first time is put in
     * the queue as PENDING; an earlier, different example still waiting for judgement is superseded by it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Function<ReviewRequest, Optional<ReviewDecision>> decisionsFor(AssessmentEntity assessment,
            CompiledRuleSet ruleSet) {
        return request -> {
            String hash = hash(request.text());
            ReviewItemEntity item = ReviewItemEntity.<ReviewItemEntity>find(
                    "unitId = ?1 and campaignId = ?2 and level = ?3 and textHash = ?4", assessment.unitId,
                    assessment.campaignId, request.level(), hash).firstResult();
            return Optional.of(decision(assessment, ruleSet, request, hash, item));
        };
    }

    /**
     * As {@link #decisionsFor(AssessmentEntity, CompiledRuleSet)}, looking the example up among {@code known}
     * instead of one query per example.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Function<ReviewRequest, Optional<ReviewDecision>> decisionsFor(AssessmentEntity assessment,
            CompiledRuleSet ruleSet, KnownReviews known) {
        return request -> {
            String hash = hash(request.text());
            Optional<KnownReviews.Known> item = known.find(assessment, request.level(), hash);
            if (item.isPresent() && item.get().status() != ReviewStatus.SUPERSEDED) {
                // nothing to change: the example is known and waiting or decided
                return Optional.of(new ReviewDecision(item.get().id(), item.get().status(), item.get().comment(),
                        item.get().decidedBy()));
            }
            return Optional.of(decision(assessment, ruleSet, request, hash,
                    item.map(k -> ReviewItemEntity.<ReviewItemEntity>findById(k.id())).orElse(null)));
        };
    }

    /**
     * As {@link #decisionsFor(AssessmentEntity, CompiledRuleSet, KnownReviews)} without changing the queue: an example
     * known and not superseded gives its decision; any other is handed to {@code wouldOpen} (the write path would
     * queue it) and gives none, so that the level is pending as a new example's would be.
     */
    public Function<ReviewRequest, Optional<ReviewDecision>> decisionsWithoutQueueing(AssessmentEntity assessment,
            KnownReviews known, Consumer<ReviewRequest> wouldOpen) {
        return request -> {
            Optional<KnownReviews.Known> item = known.find(assessment, request.level(), hash(request.text()));
            if (item.isPresent() && item.get().status() != ReviewStatus.SUPERSEDED) {
                return Optional.of(new ReviewDecision(item.get().id(), item.get().status(), item.get().comment(),
                        item.get().decidedBy()));
            }
            wouldOpen.accept(request);
            return Optional.empty();
        };
    }

    private ReviewDecision decision(AssessmentEntity assessment, CompiledRuleSet ruleSet, ReviewRequest request,
            String hash, ReviewItemEntity found) {
        ReviewItemEntity item = found;
        if (item == null) {
            supersedeOthers(assessment, request.level(), hash);
            item = open(assessment, ruleSet, request, hash);
        } else if (item.status == ReviewStatus.SUPERSEDED) {
            // the unit went back to an example it had replaced before anyone judged it
            supersedeOthers(assessment, request.level(), hash);
            item.status = ReviewStatus.PENDING;
            audit(item, "REOPENED", ReviewStatus.SUPERSEDED, "Submitted again in revision "
                    + assessment.submissionRevision, "system");
        }
        return new ReviewDecision(item.id, item.status, item.comment, item.decidedBy);
    }

    public List<ReviewView> list(String campaignId, ReviewStatus status, String regionCode, String unitId) {
        QueryFilter filter = QueryFilter.where("1 = 1")
                .eq("campaignId", campaignId)
                .eq("status", status)
                .eq("regionCode", regionCode)
                .eq("unitId", unitId);
        return ReviewItemEntity.<ReviewItemEntity>find(filter.query(), Sort.by("createdAt").and("id"),
                filter.params())
                .list().stream().map(ReviewService::toView).toList();
    }

    /** Every change of one review, oldest first. */
    public List<ReviewAuditView> audit(UUID reviewId) {
        if (ReviewItemEntity.findById(reviewId) == null) {
            throw ProblemException.notFound("REVIEW_NOT_FOUND", "No review " + reviewId);
        }
        return ReviewAuditEntity.<ReviewAuditEntity>list("reviewId", Sort.by("id"), reviewId).stream()
                .map(a -> new ReviewAuditView(a.action, a.fromStatus, a.toStatus, a.comment, a.actor, a.at))
                .toList();
    }

    public record ReviewAuditView(
            @Schema(enumeration = { "OPENED", "DECIDED", "SUPERSEDED", "REOPENED" }) String action,
            @Schema(implementation = ReviewStatus.class) String fromStatus,
            @Schema(implementation = ReviewStatus.class) String toStatus, String comment, String actor,
            Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void audit(ReviewItemEntity item, String action, ReviewStatus from, String comment, String actor) {
        ReviewAuditEntity audit = new ReviewAuditEntity();
        audit.reviewId = item.id;
        audit.action = action;
        audit.fromStatus = from == null ? null : from.name();
        audit.toStatus = item.status.name();
        audit.comment = comment;
        audit.actor = actor;
        audit.at = Instant.now();
        audit.persist();
    }

    private ReviewItemEntity open(AssessmentEntity assessment, CompiledRuleSet ruleSet, ReviewRequest request,
            String hash) {
        ReviewItemEntity item = new ReviewItemEntity();
        item.id = UUID.randomUUID();
        item.unitId = assessment.unitId;
        item.regionCode = assessment.regionCode;
        item.campaignId = assessment.campaignId;
        item.submissionId = assessment.submissionId;
        item.submissionRevision = assessment.submissionRevision;
        item.level = request.level();
        item.itemId = request.itemId();
        item.exampleText = request.text();
        item.textHash = hash;
        item.criteriaSv = request.review().criteriaSv();
        item.criteriaEn = request.review().criteriaEn();
        item.ruleSetVersion = ruleSet.version();
        item.status = ReviewStatus.PENDING;
        item.createdAt = Instant.now();
        item.persist();
        audit(item, "OPENED", null, null, "system");
        return item;
    }

    private void supersedeOthers(AssessmentEntity assessment, int level, String hash) {
        List<ReviewItemEntity> waiting = ReviewItemEntity.<ReviewItemEntity>find(
                "unitId = ?1 and campaignId = ?2 and level = ?3 and status = ?4 and textHash <> ?5",
                assessment.unitId, assessment.campaignId, level, ReviewStatus.PENDING, hash).list();
        for (ReviewItemEntity other : waiting) {
            other.status = ReviewStatus.SUPERSEDED;
            audit(other, "SUPERSEDED", ReviewStatus.PENDING, "Replaced by a new example in revision "
                    + assessment.submissionRevision, "system");
        }
    }

    /** The same example however its white space, line breaks or Unicode composition differ. */
    public static String hash(String text) {
        String normalised = WhitespaceRuns.collapseWithControls(
                Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)).strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static ReviewView toView(ReviewItemEntity r) {
        return new ReviewView(r.id, r.unitId, r.regionCode, r.campaignId, r.submissionId, r.submissionRevision,
                r.level, r.itemId, r.exampleText, r.criteriaSv, r.criteriaEn, r.ruleSetVersion, r.status, r.comment,
                r.decidedBy, r.decidedAt, r.createdAt);
    }
}
