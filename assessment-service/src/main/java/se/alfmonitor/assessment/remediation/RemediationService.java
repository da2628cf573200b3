package se.alfmonitor.assessment.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.QueryFilter;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.reassessment.LevelSummary;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;

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
    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    public RemediationService(AssessmentConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    /** Brings the unit's remediation items in line with its newest assessment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sync(AssessmentEntity assessment) {
        syncAll(List.of(assessment), null);
    }

    private static Map<Integer, LevelOutcome> outcomes(List<LevelSummary> levels) {
        if (levels == null) {
            return Map.of();
        }
        Map<Integer, LevelOutcome> outcomes = new HashMap<>();
        levels.forEach(level -> outcomes.put(level.number(), level.outcome()));
        return outcomes;
    }

    /**
     * {@link #sync(AssessmentEntity)} for the newest assessments of many units, in two statements whatever their
     * number: one resolves the open items of the levels now fulfilled, one opens (or reopens, or brings up to date)
     * the items of the levels not fulfilled. A unit appears at most once among {@code assessments}.
     *
     * <p>With {@code replaced}, the levels of the version each assessment replaces, a level with the same outcome
     * there is left out: its item is as that version left it, open with that outcome or not open at all, since
     * every version is synced when it is stored. Its {@code assessment_version} stays the version that last changed
     * it. A re-assessment where one rule changed thus touches only the items of the levels whose outcome changed.
     *
     * @param replaced per assessment, in the same order, the summary of the levels of the version it replaces; null
     *        (or a null entry) when unknown, which syncs every level
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void syncAll(List<AssessmentEntity> assessments, List<List<LevelSummary>> replaced) {
        List<Object[]> fulfilled = new ArrayList<>();
        List<Object[]> unmet = new ArrayList<>();
        for (int i = 0; i < assessments.size(); i++) {
            AssessmentEntity a = assessments.get(i);
            Map<Integer, LevelOutcome> before = outcomes(replaced == null ? null : replaced.get(i));
            for (AssessmentCompleted.Level level : a.levels) {
                if (level.outcome() == before.get(level.number())) {
                    continue;
                }
                (level.outcome().fulfilled() ? fulfilled : unmet).add(new Object[] { a.unitId, a.campaignId,
                        level.number(), a.version, a.regionCode, level.area(), level.outcome().name(),
                        config.remediationDue().get(a.campaignId) });
            }
        }
        if (fulfilled.isEmpty() && unmet.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!fulfilled.isEmpty()) {
                try (PreparedStatement resolve = connection.prepareStatement("""
                        update remediation_item r set status = 'RESOLVED', resolved_at = ?,
                            assessment_version = l.version
                        from unnest(?, ?, ?, ?) as l(unit_id, campaign_id, level, version)
                        where r.unit_id = any (?) and r.status = 'OPEN'
                            and r.unit_id = l.unit_id and r.campaign_id = l.campaign_id and r.level = l.level""")) {
                    resolve.setObject(1, now);
                    setColumns(connection, resolve, 2, fulfilled, 4);
                    // the batch's units, so that the items are found by the index rather than by a scan of all
                    resolve.setArray(6, connection.createArrayOf("text",
                            assessments.stream().map(a -> a.unitId).distinct().toArray()));
                    resolve.executeUpdate();
                }
            }
            if (!unmet.isEmpty()) {
                // an item resolved before opens again from now; an open one keeps the day it opened
                try (PreparedStatement open = connection.prepareStatement("""
                        insert into remediation_item (unit_id, campaign_id, level, assessment_version, region_code,
                            area, outcome, due_date, status, opened_at)
                        select l.*, 'OPEN', ? from unnest(?, ?, ?, ?, ?, ?, ?, ?)
                            as l(unit_id, campaign_id, level, version, region_code, area, outcome, due_date)
                        on conflict (unit_id, campaign_id, level) do update set
                            status = 'OPEN',
                            opened_at = case when remediation_item.status = 'RESOLVED' then excluded.opened_at
                                else remediation_item.opened_at end,
                            resolved_at = null,
                            region_code = excluded.region_code, area = excluded.area, outcome = excluded.outcome,
                            due_date = excluded.due_date, assessment_version = excluded.assessment_version""")) {
                    open.setObject(1, now);
                    setColumns(connection, open, 2, unmet, 8);
                    open.executeUpdate();
                }
            }
        });
    }

    private static final String[] COLUMN_TYPES = { "text", "text", "integer", "integer", "text", "text", "text",
            "date" };

    /** The first {@code columns} values of {@code rows} as one array parameter each, from {@code first} on. */
    private static void setColumns(Connection connection, PreparedStatement statement, int first, List<Object[]> rows,
            int columns) throws SQLException {
        for (int c = 0; c < columns; c++) {
            Object[] column = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            statement.setArray(first + c, connection.createArrayOf(COLUMN_TYPES[c], column));
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
