package se.alfmonitor.assessment.override;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.assessment.QueryFilter;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.problem.TextFields;

/**
 * Site-visit overrides (AMB-14): after an in-depth review Socialstyrelsen may correct the result of a level. The
 * final outcome is the rule's, then an assessor's decision on an example, then the override; the explanation keeps
 * the outcome the survey gave beside the override, and withdrawn or replaced overrides stay on record. An override
 * stays in force for later revisions of the unit in the same campaign until it is withdrawn.
 */
@ApplicationScoped
public class SiteVisitOverrides {

    static final int TEXT_MAX = 4000;

    private final AssessmentService assessments;
    private final RuleSets ruleSets;

    public SiteVisitOverrides(AssessmentService assessments, RuleSets ruleSets) {
        this.assessments = assessments;
        this.ruleSets = ruleSets;
    }

    public record OverrideRequest(String unitId, String campaignId, Integer level,
            @Schema(enumeration = { "MET", "NOT_MET" }) String outcome, String reason,
            String visitedOn) {
    }

    public record WithdrawalRequest(String reason) {
    }

    public record OverrideView(UUID id, String unitId, String regionCode, String campaignId, int level,
            LevelOutcome outcome, String reason, LocalDate visitedOn, String decidedBy, Instant decidedAt,
            boolean inForce, String withdrawnBy, Instant withdrawnAt, String withdrawalReason) {
    }

    /** @param assessmentVersion the unit's new assessment version, null if nothing changed */
    public record OverrideResult(OverrideView override, Integer assessmentVersion) {
    }

    /** Records an override, replacing one in force for the same level, and re-assesses the unit at once. */
    @Transactional
    public OverrideResult create(OverrideRequest request, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.validation(List.of(new FieldError("REQUIRED_MISSING", "", "a body is required")));
        }
        TextFields.required(request.unitId(), "/unitId", TextFields.ID_MAX, "unitId is required", errors);
        TextFields.required(request.campaignId(), "/campaignId", TextFields.ID_MAX, "campaignId is required",
                errors);
        if (request.level() == null) {
            errors.add(new FieldError("REQUIRED_MISSING", "/level", "level is required: 1 to 27"));
        }
        LevelOutcome outcome = null;
        if (request.outcome() == null || request.outcome().isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/outcome", "outcome is required: MET or NOT_MET"));
        } else if (!request.outcome().equals("MET") && !request.outcome().equals("NOT_MET")) {
            errors.add(new FieldError("INVALID_OPTION", "/outcome", "outcome must be MET or NOT_MET"));
        } else {
            outcome = LevelOutcome.valueOf(request.outcome());
        }
        TextFields.required(request.reason(), "/reason", TEXT_MAX, "a reason for the override is required", errors);
        LocalDate visitedOn = null;
        if (request.visitedOn() != null) {
            try {
                visitedOn = LocalDate.parse(request.visitedOn());
                if (visitedOn.isAfter(LocalDate.now())) {
                    errors.add(new FieldError("OUT_OF_RANGE", "/visitedOn", "the visit cannot be in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("WRONG_TYPE", "/visitedOn", "visitedOn must be a date YYYY-MM-DD"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // the unit's lock first, as every path that makes a version takes it
        AssessmentEntity latest = assessments.lockedLatest(request.unitId(), request.campaignId());
        if (latest == null) {
            throw ProblemException.notFound("ASSESSMENT_NOT_FOUND",
                    "Unit " + request.unitId() + " has no assessment in campaign " + request.campaignId());
        }
        boolean knownLevel = ruleSets.find(latest.ruleSetVersion)
                .map(rs -> rs.levels().stream().anyMatch(l -> l.rule().number() == request.level()))
                .orElse(false);
        if (!knownLevel) {
            throw ProblemException.validation(List.of(new FieldError("INVALID_OPTION", "/level",
                    "rule set " + latest.ruleSetVersion + " has no level " + request.level())));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        for (SiteVisitOverrideEntity previous : SiteVisitOverrideEntity.inForce(latest.unitId, latest.campaignId)) {
            if (previous.level == request.level()) {
                withdraw(previous, actor, now, "Replaced by override " + id);
            }
        }
        SiteVisitOverrideEntity.flush();
        SiteVisitOverrideEntity entity = new SiteVisitOverrideEntity();
        entity.id = id;
        entity.unitId = latest.unitId;
        entity.regionCode = latest.regionCode;
        entity.campaignId = latest.campaignId;
        entity.level = request.level();
        entity.outcome = outcome.name();
        entity.reason = request.reason().strip();
        entity.visitedOn = visitedOn;
        entity.decidedBy = actor;
        entity.decidedAt = now;
        entity.persist();
        return new OverrideResult(toView(entity), reassess(latest));
    }

    /** Withdraws an override in force; the unit's assessment falls back to the survey's result at once. */
    @Transactional
    public OverrideResult withdraw(UUID id, WithdrawalRequest request, String actor) {
        SiteVisitOverrideEntity entity = SiteVisitOverrideEntity.findById(id);
        if (entity == null) {
            throw ProblemException.notFound("OVERRIDE_NOT_FOUND", "No override " + id);
        }
        List<FieldError> errors = new ArrayList<>();
        TextFields.required(request == null ? null : request.reason(), "/reason", TEXT_MAX,
                "a reason for the withdrawal is required", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AssessmentEntity latest = assessments.lockedLatest(entity.unitId, entity.campaignId);
        // as the previous holder of the unit's lock left it (withdrawn or replaced meanwhile)
        SiteVisitOverrideEntity.getEntityManager().refresh(entity);
        if (entity.withdrawnAt != null) {
            throw ProblemException.conflict("OVERRIDE_WITHDRAWN", "Override " + id + " is already withdrawn");
        }
        withdraw(entity, actor, Instant.now().truncatedTo(ChronoUnit.MICROS), request.reason().strip());
        entity.flush();
        return new OverrideResult(toView(entity), latest == null ? null : reassess(latest));
    }

    public List<OverrideView> list(String campaignId, String regionCode, String unitId, Boolean inForce) {
        QueryFilter filter = QueryFilter.where(inForce == null ? "1 = 1"
                : inForce ? "withdrawnAt is null" : "withdrawnAt is not null")
                .eq("campaignId", campaignId)
                .eq("regionCode", regionCode)
                .eq("unitId", unitId);
        return SiteVisitOverrideEntity.<SiteVisitOverrideEntity>find(filter.query(),
                Sort.by("unitId").and("campaignId").and("level").and("decidedAt"), filter.params())
                .list().stream().map(SiteVisitOverrides::toView).toList();
    }

    /**
     * Applies the overrides in force for a unit in a campaign to the levels the rules and the assessors decided.
     * Called for every evaluation, so a new revision or rule set keeps the override.
     */
    public static List<LevelResult> apply(String unitId, String campaignId, List<LevelResult> results) {
        return apply(SiteVisitOverrideEntity.inForce(unitId, campaignId), results);
    }

    /** The overrides in force for many units at once, in one query, keyed by {@link #key}. */
    public static Map<String, List<SiteVisitOverrideEntity>> inForce(List<AssessmentEntity> assessments) {
        if (assessments.isEmpty()) {
            return Map.of();
        }
        List<SiteVisitOverrideEntity> all = SiteVisitOverrideEntity.list("unitId in ?1 and withdrawnAt is null",
                assessments.stream().map(a -> a.unitId).distinct().toList());
        return all.stream().collect(Collectors.groupingBy(o -> key(o.unitId, o.campaignId)));
    }

    public static String key(String unitId, String campaignId) {
        return unitId + "\u0000" + campaignId;
    }

    /** Applies the given overrides in force (of one unit in one campaign) to the evaluated levels. */
    public static List<LevelResult> apply(List<SiteVisitOverrideEntity> inForce, List<LevelResult> results) {
        Map<Integer, SiteVisitOverrideEntity> byLevel = inForce.stream()
                .collect(Collectors.toMap(o -> o.level, Function.identity()));
        if (byLevel.isEmpty()) {
            return results;
        }
        return results.stream().map(result -> {
            SiteVisitOverrideEntity o = byLevel.get(result.number());
            return o == null ? result : overridden(result, o);
        }).toList();
    }

    private static LevelResult overridden(LevelResult result, SiteVisitOverrideEntity o) {
        LevelOutcome outcome = LevelOutcome.valueOf(o.outcome);
        ObjectNode explanation = result.explanation().deepCopy();
        String prefixSv = "Nivå " + result.number() + ": ";
        String prefixEn = "Level " + result.number() + ": ";
        String visitSv = o.visitedOn == null ? "platsbesök" : "platsbesök " + o.visitedOn;
        String visitEn = o.visitedOn == null ? "a site visit" : "a site visit on " + o.visitedOn;
        explanation.put("sv", prefixSv + sv(outcome) + " efter " + visitSv + " (\"" + o.reason + "\"). Enligt enkäten: "
                + strip(explanation.path("sv").asText(), prefixSv));
        explanation.put("en", prefixEn + en(outcome) + " after " + visitEn + " (\"" + o.reason + "\"). From the survey: "
                + strip(explanation.path("en").asText(), prefixEn));
        explanation.putObject("override")
                .put("id", o.id.toString())
                .put("outcome", outcome.name())
                .put("surveyOutcome", result.outcome().name())
                .put("reason", o.reason)
                .put("visitedOn", o.visitedOn == null ? null : o.visitedOn.toString())
                .put("decidedBy", o.decidedBy)
                .put("decidedAt", o.decidedAt.toString());
        return new LevelResult(result.number(), result.area(), outcome, explanation);
    }

    private Integer reassess(AssessmentEntity latest) {
        return ruleSets.find(latest.ruleSetVersion)
                .flatMap(rs -> assessments.reassess(latest, rs, AssessmentService.REASON_OVERRIDE))
                .map(AssessmentCompleted::version).orElse(null);
    }

    private static void withdraw(SiteVisitOverrideEntity entity, String actor, Instant at, String reason) {
        entity.withdrawnBy = actor;
        entity.withdrawnAt = at;
        entity.withdrawalReason = reason;
    }


    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String sv(LevelOutcome outcome) {
        return outcome == LevelOutcome.MET ? "Uppfylld" : "Inte uppfylld";
    }

    private static String en(LevelOutcome outcome) {
        return outcome == LevelOutcome.MET ? "Met" : "Not met";
    }

    static OverrideView toView(SiteVisitOverrideEntity o) {
        return new OverrideView(o.id, o.unitId, o.regionCode, o.campaignId, o.level, LevelOutcome.valueOf(o.outcome),
                o.reason, o.visitedOn, o.decidedBy, o.decidedAt, o.withdrawnAt == null, o.withdrawnBy, o.withdrawnAt,
                o.withdrawalReason);
    }
}
