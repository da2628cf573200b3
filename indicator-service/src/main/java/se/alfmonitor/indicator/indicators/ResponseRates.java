package se.alfmonitor.indicator.indicators;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Parts;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.rollup.RollUpSums;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * ALF-05, the response rate of an evaluation round: per region, the active registered units that submitted the unit
 * questionnaire in the campaign out of all active registered units, summed to ALF and nation. The registry comes from
 * {@code alf.units.v1}; a submission from a unit that is not (or no longer) active in the registry counts in neither
 * part and is reported as {@code respondingUnregistered}. A unit is counted in the region the registry gives it.
 */
@ApplicationScoped
public class ResponseRates {

    static final String UNIT_QUESTIONNAIRE = "alf-usve";

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;
    private final WritersTurn writersTurn;
    private final RollUpSums sums;
    private final EntityManager em;

    public ResponseRates(IndicatorCatalogue catalogue, ValueStore values, WritersTurn writersTurn, RollUpSums sums,
            EntityManager em) {
        this.catalogue = catalogue;
        this.values = values;
        this.writersTurn = writersTurn;
        this.sums = sums;
        this.em = em;
    }

    /** What a region's response rate counts. */
    private static final class RegionCounts {
        /** Active registered units. */
        long registered;
        /** Active registered units that submitted the unit questionnaire in the campaign. */
        long responding;
        /** Submissions in the campaign from units not active in the registry, counted in neither part. */
        long respondingUnregistered;
    }

    /** Records a registry change and recomputes every evaluation round, since each counts the unit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onUnitChanged(UnitChanged unit) {
        writersTurn.take();
        RegisteredUnitEntity row = RegisteredUnitEntity.findById(unit.id());
        if (row == null) {
            row = new RegisteredUnitEntity();
            row.id = unit.id();
            row.regionCode = unit.regionCode();
            row.active = unit.active();
            row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            row.persist();
        } else {
            row.regionCode = unit.regionCode();
            row.active = unit.active();
            row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        em.flush();
        recomputeAll();
    }

    /** Recomputes every evaluation round that has unit questionnaires. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeAll() {
        List<String> campaigns = em.createQuery("select distinct s.campaignId from SubmissionAnswersEntity s"
                + " where s.questionnaireKey = :key", String.class)
                .setParameter("key", UNIT_QUESTIONNAIRE).getResultList();
        campaigns.forEach(this::recompute);
    }

    /** Recomputes one campaign's response rate in every region and above. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String campaignId) {
        List<Compiled> indicators = catalogue.byFeed(IndicatorDefinition.FEED_REGISTRY);
        if (indicators.isEmpty()) {
            return;
        }
        writersTurn.take();
        em.flush();
        Map<String, RegionCounts> byRegion = new TreeMap<>();
        for (Object[] row : registryRows("""
                select r.region_code, count(*) filter (where r.active) from registered_unit r
                 group by r.region_code""")) {
            byRegion.computeIfAbsent((String) row[0], k -> new RegionCounts()).registered =
                    ((Number) row[1]).longValue();
        }
        for (Object[] row : campaignRows("""
                select r.region_code, count(*) from submission_answers s
                  join registered_unit r on r.id = s.unit_id and r.active
                 where s.campaign_id = :campaign and s.questionnaire_key = :key group by r.region_code""",
                campaignId)) {
            byRegion.computeIfAbsent((String) row[0], k -> new RegionCounts()).responding =
                    ((Number) row[1]).longValue();
        }
        for (Object[] row : campaignRows("""
                select s.region_code, count(*) from submission_answers s
                  left join registered_unit r on r.id = s.unit_id and r.active
                 where s.campaign_id = :campaign and s.questionnaire_key = :key and r.id is null
                 group by s.region_code""", campaignId)) {
            byRegion.computeIfAbsent((String) row[0], k -> new RegionCounts()).respondingUnregistered =
                    ((Number) row[1]).longValue();
        }
        String period = Periods.evaluationRound(campaignId);
        List<NewValue> computed = new ArrayList<>();
        for (Compiled indicator : indicators) {
            byRegion.forEach((region, counts) -> {
                Map<String, Object> inputs = Map.of("registered", counts.registered, "responding",
                        counts.responding);
                Optional<Parts> parts = counts.registered == 0 ? Optional.empty() : indicator.evaluate(inputs);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("campaignId", campaignId);
                details.put("registeredUnits", counts.registered);
                details.put("respondingUnits", counts.responding);
                details.put("respondingUnregistered", counts.respondingUnregistered);
                computed.add(new NewValue(indicator.definition(), region, OrgUnitLevel.REGION, region,
                        period, parts.orElse(null), details));
            });
        }
        values.recordAll(computed);
        sums.rollUp(indicators.stream().map(Compiled::definition).toList(), OrgUnitLevel.REGION, period, List.of());
    }

    /** The rows of a query over the registry alone. */
    @SuppressWarnings("unchecked")
    private List<Object[]> registryRows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    /** The rows of a query over one campaign's unit questionnaires ({@code :campaign}, {@code :key}). */
    @SuppressWarnings("unchecked")
    private List<Object[]> campaignRows(String sql, String campaignId) {
        return em.createNativeQuery(sql).setParameter("campaign", campaignId).setParameter("key", UNIT_QUESTIONNAIRE)
                .getResultList();
    }
}
