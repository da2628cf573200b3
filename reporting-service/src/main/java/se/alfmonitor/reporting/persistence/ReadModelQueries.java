package se.alfmonitor.reporting.persistence;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads the read models; every query the endpoints need, in one place. */
@ApplicationScoped
public class ReadModelQueries {

    /** One unit's latest assessment in a campaign. */
    public record AssessmentRow(String unitId, String regionCode, String campaignId, int version,
            int submissionRevision, int metCount, boolean allMet, int pendingReviews, Instant assessedAt,
            List<LevelRow> levels) {
    }

    /** One level of an assessment as stored: the outcome and the explanation in Swedish and English. */
    public record LevelRow(int number, String area, String outcome, JsonNode explanation) {
    }

    /** A campaign the read model holds assessments of. */
    public record CampaignRow(String campaignId, int respondingUnits, Instant firstAssessedAt,
            Instant lastAssessedAt) {
    }

    public record UnitRow(String id, String name, String regionCode, boolean active) {
    }

    /**
     * @param groupSizeOf for an outcome figure of units, the indicator whose denominator at the same org unit and
     *        period counts the responding units behind it; null for other indicators
     */
    public record IndicatorRow(String indicator, String orgUnit, String orgUnitLevel, String period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal factor, BigDecimal value, Instant computedAt,
            String groupSizeOf) {
    }

    /** The responding units of one org unit counted by an indicator's denominator in a period. */
    public record UnitCount(String indicator, String orgUnit, String orgUnitLevel, String period, int units) {
    }

    private static final String INDICATOR_COLUMNS = "indicator, org_unit, org_unit_level, period, numerator,"
            + " denominator, factor, value, computed_at, group_size_of";

    private static final String ASSESSMENT_COLUMNS = """
            select unit_id, region_code, campaign_id, version, submission_revision, met_count, all_met,
                pending_reviews, assessed_at, cast(levels as text) from assessment_view""";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ReadModelQueries(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @SuppressWarnings("unchecked")
    public List<AssessmentRow> assessments(String campaignId) {
        List<Object[]> rows = em.createNativeQuery(ASSESSMENT_COLUMNS + " where campaign_id = :c order by unit_id")
                .setParameter("c", campaignId).getResultList();
        return rows.stream().map(this::assessment).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<AssessmentRow> assessment(String unitId, String campaignId) {
        List<Object[]> rows = em.createNativeQuery(ASSESSMENT_COLUMNS + " where unit_id = :u and campaign_id = :c")
                .setParameter("u", unitId).setParameter("c", campaignId).getResultList();
        return rows.stream().findFirst().map(this::assessment);
    }

    /**
     * The campaigns assessed before {@code campaignId}, oldest first, ordered by their first assessment (campaign ids
     * are chosen by people and do not sort by time).
     */
    @SuppressWarnings("unchecked")
    public List<String> campaignsBefore(String campaignId) {
        return em.createNativeQuery("""
                with firsts as (select campaign_id, min(assessed_at) as first_at from assessment_view
                    group by campaign_id)
                select campaign_id from firsts
                where first_at < (select first_at from firsts where campaign_id = :c)
                order by first_at, campaign_id""").setParameter("c", campaignId).getResultList();
    }

    /** Every campaign with an assessment, the one assessed most recently first. */
    @SuppressWarnings("unchecked")
    public List<CampaignRow> campaigns() {
        List<Object[]> rows = em.createNativeQuery("""
                select campaign_id, count(*), min(assessed_at), max(assessed_at) from assessment_view
                group by campaign_id order by max(assessed_at) desc, campaign_id""").getResultList();
        return rows.stream().map(r -> new CampaignRow((String) r[0], ((Number) r[1]).intValue(), instant(r[2]),
                instant(r[3]))).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<UnitRow> unit(String id) {
        List<Object[]> rows = em.createNativeQuery("select id, name, region_code, active from unit_view where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(ReadModelQueries::unit);
    }

    @SuppressWarnings("unchecked")
    public List<UnitRow> units() {
        List<Object[]> rows = em.createNativeQuery("select id, name, region_code, active from unit_view order by id")
                .getResultList();
        return rows.stream().map(ReadModelQueries::unit).toList();
    }

    /** The newest period of every indicator of one org unit. */
    @SuppressWarnings("unchecked")
    public List<IndicatorRow> latestIndicators(String orgUnit) {
        List<Object[]> rows = em.createNativeQuery("select distinct on (indicator) " + INDICATOR_COLUMNS
                + " from indicator_view where org_unit = :o order by indicator, period desc")
                .setParameter("o", orgUnit).getResultList();
        return rows.stream().map(ReadModelQueries::indicator).toList();
    }

    /** Every period of one indicator at one org unit, oldest first. */
    @SuppressWarnings("unchecked")
    public List<IndicatorRow> series(String indicator, String orgUnit) {
        List<Object[]> rows = em.createNativeQuery("select " + INDICATOR_COLUMNS
                + " from indicator_view where indicator = :i and org_unit = :o order by period")
                .setParameter("i", indicator).setParameter("o", orgUnit).getResultList();
        return rows.stream().map(ReadModelQueries::indicator).toList();
    }

    /** The denominators of the given indicators in the given periods at every region, ALF and the nation. */
    @SuppressWarnings("unchecked")
    public List<UnitCount> unitCounts(Collection<String> indicators, Collection<String> periods) {
        if (indicators.isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select indicator, org_unit, org_unit_level, period, denominator from indicator_view
                where indicator in (:i) and period in (:p) and org_unit_level in ('REGION', 'ALF', 'NATION')""")
                .setParameter("i", indicators).setParameter("p", periods).getResultList();
        return rows.stream().map(r -> new UnitCount((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? 0 : ((BigDecimal) r[4]).intValue())).toList();
    }

    private static IndicatorRow indicator(Object[] r) {
        return new IndicatorRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], instant(r[8]), (String) r[9]);
    }

    private static UnitRow unit(Object[] r) {
        return new UnitRow((String) r[0], (String) r[1], (String) r[2], Boolean.TRUE.equals(r[3]));
    }

    private AssessmentRow assessment(Object[] r) {
        List<LevelRow> levels;
        try {
            levels = mapper.readValue((String) r[9], new TypeReference<List<LevelRow>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable levels of " + r[0], e);
        }
        return new AssessmentRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), Boolean.TRUE.equals(r[6]),
                ((Number) r[7]).intValue(), instant(r[8]), levels);
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
