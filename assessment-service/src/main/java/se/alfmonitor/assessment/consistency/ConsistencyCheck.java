package se.alfmonitor.assessment.consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.assessment.ReceivedSubmissions;
import se.alfmonitor.assessment.rules.RuleSets;

/**
 * The invariant every unit's latest assessment keeps, checked by the system itself: it is of the latest submitted
 * revision this service has received, every level names the review decision its item holds now, every site-visit
 * override in force is applied with its outcome and no withdrawn one still is. The count of units that break it is
 * the gauge {@code alf_assessment_inconsistent_units} (0 when healthy), checked every
 * {@code alf.assessment.consistency-check-interval}; a repair applies to each of them, under the unit's lock, what it
 * is behind: the received revision, or its decisions and overrides in force.
 *
 * <p>The check is one query over every latest version's level summary (V4): a few milliseconds for the 300 units of
 * a campaign, but 1.9 s of PostgreSQL time per check at 10,000 units and 28 s at 100,000 on a busy 2-core machine
 * (P3 bench, run L), which is why it runs every 10 minutes by default; checking only the units changed since the last check would make it cheap
 * at any scale. The summaries name decisions and overrides as {@code [number, area, outcome, decidedApart, textIn,
 * review]}, and those written before V5 (four elements) are only checked against the received revision.
 */
@ApplicationScoped
public class ConsistencyCheck {

    private static final Logger LOG = Logger.getLogger(ConsistencyCheck.class);

    /** Why a unit is inconsistent. */
    public enum Reason {
        /** The latest assessment is not of the latest submitted revision received (or there is none). */
        BEHIND_SUBMISSION,
        /** A level names a review item's decision other than the one the item holds. */
        REVIEW_NOT_APPLIED,
        /** An override in force is not the outcome of its level. */
        OVERRIDE_NOT_APPLIED,
        /** A level keeps an override that is no longer in force. */
        WITHDRAWN_OVERRIDE_APPLIED
    }

    /** One finding: a unit, and the level it concerns (null for the revision). */
    public record Finding(String unitId, String campaignId, String regionCode, Reason reason, Integer level) {
    }

    /** A unit that breaks the invariant and every reason why. */
    public record InconsistentUnit(String unitId, String campaignId, String regionCode, List<Finding> findings) {
    }

    public record Report(int inconsistentUnits, List<InconsistentUnit> units) {
    }

    public record RepairResult(int repaired, List<InconsistentUnit> before, Report after) {
    }

    private static final String QUERY = """
            with latest as (
                select id, unit_id, campaign_id, region_code, submission_id, submission_revision, level_summary
                from assessment where latest),
            levels as (
                select l.unit_id, l.campaign_id, l.region_code, cast(e->>0 as integer) as level, e->>2 as outcome,
                    cast(e->>3 as boolean) as decided_apart,
                    case when json_typeof(e->5) = 'array' then e->5 end as review
                from latest l cross join lateral json_array_elements(l.level_summary) e
                where json_array_length(e) >= 6)
            select r.unit_id, r.campaign_id, coalesce(l.region_code, r.submission->'unit'->>'regionCode'),
                'BEHIND_SUBMISSION', cast(null as integer)
            from submission_received r
            left join latest l on l.unit_id = r.unit_id and l.campaign_id = r.campaign_id
            where l.id is null or l.submission_id <> r.submission_id or l.submission_revision < r.revision
            union all
            select v.unit_id, v.campaign_id, v.region_code, 'REVIEW_NOT_APPLIED', v.level
            from levels v join review_item i on i.id = cast(v.review->>0 as uuid)
            where i.status <> v.review->>1
            union all
            select o.unit_id, o.campaign_id, o.region_code, 'OVERRIDE_NOT_APPLIED', o.level
            from site_visit_override o
            join latest l on l.unit_id = o.unit_id and l.campaign_id = o.campaign_id
            left join levels v on v.unit_id = o.unit_id and v.campaign_id = o.campaign_id and v.level = o.level
            where o.withdrawn_at is null and json_array_length(l.level_summary -> 0) >= 6
                and (v.level is null or not v.decided_apart or v.review is not null or v.outcome <> o.outcome)
            union all
            select v.unit_id, v.campaign_id, v.region_code, 'WITHDRAWN_OVERRIDE_APPLIED', v.level
            from levels v
            where v.decided_apart and v.review is null and not exists (
                select 1 from site_visit_override o
                where o.unit_id = v.unit_id and o.campaign_id = v.campaign_id and o.level = v.level
                    and o.withdrawn_at is null)
            order by 1, 2, 4, 5""";

    private final EntityManager entityManager;
    private final AssessmentService assessments;
    private final ReceivedSubmissions received;
    private final RuleSets ruleSets;
    private final AtomicReference<Double> lastCount = new AtomicReference<>(Double.NaN);

    public ConsistencyCheck(EntityManager entityManager, AssessmentService assessments, ReceivedSubmissions received,
            RuleSets ruleSets, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.assessments = assessments;
        this.received = received;
        this.ruleSets = ruleSets;
        Gauge.builder("alf.assessment.inconsistent.units", lastCount, AtomicReference::get)
                .description("Units whose latest assessment is behind their latest submitted revision or disagrees"
                        + " with their decided review items or overrides in force (NaN until the first check)")
                .register(registry);
    }

    /** Runs the check and updates the gauge. */
    public Report check() {
        Report report = QuarkusTransaction.requiringNew().call(this::find);
        lastCount.set((double) report.inconsistentUnits());
        if (report.inconsistentUnits() > 0) {
            LOG.warnf("%d units break the assessment invariant, first: %s", report.inconsistentUnits(),
                    report.units().get(0));
        }
        return report;
    }

    @Scheduled(every = "${alf.assessment.consistency-check-interval}", delayed = "${alf.assessment.consistency-check-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check();
    }

    /**
     * Applies to every inconsistent unit what it is behind, each in a transaction of its own under the unit's lock,
     * then checks again.
     */
    public RepairResult repair() {
        List<InconsistentUnit> before = QuarkusTransaction.requiringNew().call(this::find).units();
        int repaired = 0;
        for (InconsistentUnit unit : before) {
            if (QuarkusTransaction.requiringNew().call(() -> repair(unit))) {
                repaired++;
            }
        }
        LOG.infof("Consistency repair: %d of %d inconsistent units got a new assessment version", repaired,
                before.size());
        return new RepairResult(repaired, before, check());
    }

    private boolean repair(InconsistentUnit unit) {
        AssessmentEntity latest = assessments.lockedLatest(unit.unitId(), unit.campaignId());
        boolean behind = unit.findings().stream().anyMatch(f -> f.reason() == Reason.BEHIND_SUBMISSION);
        if (behind) {
            return received.find(unit.unitId(), unit.campaignId())
                    .flatMap(assessments::assess)
                    .isPresent();
        }
        return latest != null && ruleSets.find(latest.ruleSetVersion)
                .flatMap(rs -> assessments.reassess(latest, rs, AssessmentService.REASON_REPAIR))
                .isPresent();
    }

    private Report find() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(QUERY).getResultList();
        Map<String, InconsistentUnit> units = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Finding finding = new Finding((String) row[0], (String) row[1], (String) row[2],
                    Reason.valueOf((String) row[3]), row[4] == null ? null : ((Number) row[4]).intValue());
            units.computeIfAbsent(finding.unitId() + '\u0000' + finding.campaignId(),
                    k -> new InconsistentUnit(finding.unitId(), finding.campaignId(), finding.regionCode(),
                            new ArrayList<>()))
                    .findings().add(finding);
        }
        List<InconsistentUnit> list = List.copyOf(units.values());
        return new Report(list.size(), list);
    }
}
