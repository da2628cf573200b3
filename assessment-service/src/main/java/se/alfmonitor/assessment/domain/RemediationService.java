package se.alfmonitor.assessment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.persistence.QueryFilter;
import se.alfmonitor.assessment.persistence.AssessmentEntity;
import se.alfmonitor.assessment.persistence.RemediationItemEntity;
import se.alfmonitor.contract.events.AssessmentCompleted;

/**
 * One remediation item per unmet level of a unit in a campaign, due by the campaign's remediation date. It opens
 * when a level is unmet, resolves by itself when a later assessment fulfils the level, and reopens if it fails again.
 */
@ApplicationScoped
public class RemediationService {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
    public static final String OVERDUE = "OVERDUE";

    private final AssessmentConfig config;
    private final Clock clock = Clock.systemUTC();

    public RemediationService(AssessmentConfig config) {
        this.config = config;
    }

    /** Brings the unit's remediation items in line with its newest assessment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(AssessmentEntity assessment) {
        Map<Integer, RemediationItemEntity> existing = new HashMap<>();
        RemediationItemEntity.<RemediationItemEntity>list("unitId = ?1 and campaignId = ?2", assessment.unitId,
                assessment.campaignId).forEach(r -> existing.put(r.level, r));
        sync(assessment, existing);
    }

    /** {@link #sync(AssessmentEntity)} for the newest assessments of many units, reading their items in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void syncAll(List<AssessmentEntity> assessments) {
        if (assessments.isEmpty()) {
            return;
        }
        Set<String> units = new HashSet<>();
        Set<String> campaigns = new HashSet<>();
        assessments.forEach(a -> {
            units.add(a.unitId);
            campaigns.add(a.campaignId);
        });
        Map<String, Map<Integer, RemediationItemEntity>> byUnit = new HashMap<>();
        RemediationItemEntity.<RemediationItemEntity>list("unitId in ?1 and campaignId in ?2", units, campaigns)
                .forEach(r -> byUnit.computeIfAbsent(r.unitId + '\u0000' + r.campaignId, k -> new HashMap<>())
                        .put(r.level, r));
        for (AssessmentEntity assessment : assessments) {
            sync(assessment, byUnit.getOrDefault(assessment.unitId + '\u0000' + assessment.campaignId,
                    new HashMap<>()));
        }
    }

    private void sync(AssessmentEntity assessment, Map<Integer, RemediationItemEntity> existing) {
        Instant now = Instant.now();
        LocalDate due = config.remediationDue().get(assessment.campaignId);
        for (AssessmentCompleted.Level level : assessment.levels) {
            RemediationItemEntity item = existing.get(level.number());
            if (level.outcome().fulfilled()) {
                if (item != null && OPEN.equals(item.status)) {
                    item.status = RESOLVED;
                    item.resolvedAt = now;
                    item.assessmentVersion = assessment.version;
                }
                continue;
            }
            if (item == null) {
                item = new RemediationItemEntity();
                item.unitId = assessment.unitId;
                item.campaignId = assessment.campaignId;
                item.level = level.number();
                item.openedAt = now;
                item.status = OPEN;
            } else if (RESOLVED.equals(item.status)) {
                item.status = OPEN;
                item.openedAt = now;
                item.resolvedAt = null;
            }
            item.regionCode = assessment.regionCode;
            item.area = level.area();
            item.outcome = level.outcome().name();
            item.dueDate = due;
            item.assessmentVersion = assessment.version;
            if (item.id == null) {
                item.persist();
            }
        }
    }

    /** @param status OPEN, RESOLVED or OVERDUE as the caller sees it today; null for all */
    public List<RemediationView> list(String campaignId, String regionCode, String unitId, String status) {
        QueryFilter filter = QueryFilter.where("1 = 1")
                .eq("campaignId", campaignId)
                .eq("regionCode", regionCode)
                .eq("unitId", unitId);
        LocalDate today = LocalDate.now(clock);
        return RemediationItemEntity.<RemediationItemEntity>find(filter.query(),
                Sort.by("campaignId").and("unitId").and("level"), filter.params()).list().stream()
                .map(r -> toView(r, today))
                .filter(v -> status == null || v.status().equals(status))
                .toList();
    }

    static RemediationView toView(RemediationItemEntity r, LocalDate today) {
        String status = OPEN.equals(r.status) && r.dueDate != null && today.isAfter(r.dueDate) ? OVERDUE : r.status;
        return new RemediationView(r.unitId, r.regionCode, r.campaignId, r.level, r.area, r.outcome, r.dueDate,
                status, r.openedAt, r.resolvedAt);
    }
}
