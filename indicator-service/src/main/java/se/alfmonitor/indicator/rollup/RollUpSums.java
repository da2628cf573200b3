package se.alfmonitor.indicator.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.values.IndicatorValueEntity;
import se.alfmonitor.indicator.values.InputsJson;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * Sums base values up: the region, ALF and nation values of summed indicators, always summing numerators and
 * denominators, never averaging ratios. The sums run as SQL over the latest values, or, for a region above units,
 * as the region's latest totals plus the deltas its units caused since; the new sums are recorded through the
 * {@link ValueStore} like any value.
 */
@ApplicationScoped
public class RollUpSums {

    private static final Logger LOG = Logger.getLogger(RollUpSums.class);

    private final ValueStore values;
    private final WritersTurn writersTurn;
    private final InputsJson json;

    public RollUpSums(ValueStore values, WritersTurn writersTurn, InputsJson json) {
        this.values = values;
        this.writersTurn = writersTurn;
        this.json = json;
    }

    /**
     * Recomputes the region, ALF and nation values of summed indicators from their latest base values (units or
     * regions), summing in the database, for all the indicators at once: each given region's own value from its units
     * (when the base level is the unit), then the ALF and nation values once. A full rebuild; see
     * {@link #rollUpAll} for what the roll-up worker does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUp(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            Collection<String> regionCodes) {
        rollUpAll(List.of(new RollUpWork(definitions, baseLevel, period, regionCodes, Set.copyOf(regionCodes),
                Map.of())));
    }

    /**
     * What {@link #rollUpAll} sums of one base level and period.
     *
     * @param regionCodes the regions whose own values to sum again (base level unit only)
     * @param fromScratch the regions to sum from their units; their deltas, taken by the caller, are already in those
     *        sums
     * @param deltas the deltas taken ({@link #takeRegionDeltas}): region code to indicator to delta
     */
    public record RollUpWork(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            Collection<String> regionCodes, Set<String> fromScratch,
            Map<String, Map<String, RegionTotals>> deltas) {
    }

    /**
     * Recomputes the region, ALF and nation values of summed indicators so that the cost does not grow with the
     * number of units, of the region or changed: when the base level is the unit, each given region's value is its
     * latest value plus the deltas its units caused since, or for the regions to sum from scratch the sum of its
     * units' latest values; then the ALF and nation values once each from the regions' values. A region without a
     * value yet starts from zero; a region its last unit value left gets a value with no members. Of many base levels
     * and periods with a number of statements that does not grow with them: the regions' latest values of all of them
     * read in one query and their new values written by one {@link ValueStore#recordAll}, then the ALF and nation
     * sums of each summed level in two queries each and written by one more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpAll(List<RollUpWork> given) {
        List<RollUpWork> works = given.stream().filter(w -> !w.definitions().isEmpty()).toList();
        if (works.isEmpty()) {
            return;
        }
        // the sums read base values other transactions write: take the writers' turn before reading them
        writersTurn.take();
        // the sums run as SQL, which must see everything written earlier in this transaction
        IndicatorValueEntity.getEntityManager().flush();
        List<RollUpWork> aboveUnits = works.stream()
                .filter(w -> w.baseLevel() == OrgUnitLevel.UNIT && !w.regionCodes().isEmpty()).toList();
        if (!aboveUnits.isEmpty()) {
            Map<String, Map<String, Map<String, RegionTotals>>> current = regionTotals(aboveUnits);
            List<NewValue> regions = new ArrayList<>();
            for (RollUpWork work : aboveUnits) {
                regions.addAll(regionValues(work, current.getOrDefault(work.period(), Map.of())));
            }
            values.recordAll(regions);
        }
        // above regions, the sums of the regions' sums: the same totals as summing the units, from 21 rows, not all
        // the units of the country
        Map<OrgUnitLevel, List<RollUpWork>> byBaseLevel = new EnumMap<>(OrgUnitLevel.class);
        works.forEach(w -> byBaseLevel.computeIfAbsent(w.baseLevel(), l -> new ArrayList<>()).add(w));
        List<NewValue> sums = new ArrayList<>();
        byBaseLevel.forEach((baseLevel, ofLevel) -> {
            boolean ofSums = baseLevel == OrgUnitLevel.UNIT;
            OrgUnitLevel summed = ofSums ? OrgUnitLevel.REGION : baseLevel;
            Map<String, Map<String, RegionTotals>> alf = sum(ofLevel, summed, ofSums,
                    "and region_code in (:region)", OrgUnitLevel.ALF_REGIONS);
            Map<String, Map<String, RegionTotals>> nation = sum(ofLevel, summed, ofSums, "", null);
            for (RollUpWork work : ofLevel) {
                Map<String, RegionTotals> alfOfPeriod = alf.getOrDefault(work.period(), Map.of());
                Map<String, RegionTotals> nationOfPeriod = nation.getOrDefault(work.period(), Map.of());
                for (IndicatorDefinition definition : work.definitions()) {
                    if (alfOfPeriod.containsKey(definition.code())) {
                        sums.add(alfOfPeriod.get(definition.code()).toValue(definition, OrgUnitLevel.ALF_ID,
                                OrgUnitLevel.ALF, null, work.period()));
                    }
                    if (nationOfPeriod.containsKey(definition.code())) {
                        sums.add(nationOfPeriod.get(definition.code()).toValue(definition,
                                OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION, null, work.period()));
                    }
                }
            }
        });
        values.recordAll(sums);
    }

    /** The new values of a unit-based work's regions, from their latest totals ({@code current}) and deltas. */
    private List<NewValue> regionValues(RollUpWork work, Map<String, Map<String, RegionTotals>> current) {
        List<NewValue> regions = new ArrayList<>();
        for (String regionCode : work.regionCodes()) {
            Map<String, RegionTotals> before = current.getOrDefault(regionCode, Map.of());
            Map<String, RegionTotals> totals = work.fromScratch().contains(regionCode) ? null
                    : plusDeltas(work.definitions(), before, work.deltas().getOrDefault(regionCode, Map.of()));
            if (totals == null) {
                if (!work.fromScratch().contains(regionCode)) {
                    LOG.warnf("Region %s period %s: its values plus deltas are not sums of units; summing its"
                            + " units again", regionCode, work.period());
                }
                totals = sum(List.of(work), OrgUnitLevel.UNIT, false, "and region_code = :region", regionCode)
                        .getOrDefault(work.period(), Map.of());
            }
            for (IndicatorDefinition definition : work.definitions()) {
                RegionTotals total = totals.get(definition.code());
                if (total == null && before.containsKey(definition.code())) {
                    // no unit value in the region any more: a sum over none, not the last sum kept
                    total = RegionTotals.ZERO;
                }
                if (total != null) {
                    regions.add(total.toValue(definition, regionCode, OrgUnitLevel.REGION, regionCode,
                            work.period()));
                }
            }
        }
        return regions;
    }

    /**
     * A region's latest totals plus its deltas, by indicator; none for an indicator with neither (no unit value was
     * ever in the region), nor for one whose deltas sum to no members from nothing stored. Null when the result cannot
     * be a sum of unit values (fewer than no members, more covered than members), which only a broken invariant gives.
     */
    private static Map<String, RegionTotals> plusDeltas(List<IndicatorDefinition> definitions,
            Map<String, RegionTotals> before, Map<String, RegionTotals> deltas) {
        Map<String, RegionTotals> totals = new HashMap<>();
        for (IndicatorDefinition definition : definitions) {
            RegionTotals stored = before.get(definition.code());
            RegionTotals delta = deltas.get(definition.code());
            if (stored == null && delta == null) {
                continue;
            }
            RegionTotals total = (stored == null ? RegionTotals.ZERO : stored)
                    .plus(delta == null ? RegionTotals.ZERO : delta).normalized();
            if (total.membersCovered() < 0 || total.membersCovered() > total.members()) {
                return null;
            }
            if (stored != null || total.members() > 0) {
                totals.put(definition.code(), total);
            }
        }
        return totals;
    }

    /**
     * The latest totals of the works' regions' values, in one query: period to region code to indicator to totals.
     * The query reads every combination of the works' periods, regions and indicators; what no work asked for is
     * read but not used.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, RegionTotals>>> regionTotals(List<RollUpWork> works) {
        Map<String, Map<String, Map<String, RegionTotals>>> totals = new HashMap<>();
        for (Object row : IndicatorValueEntity.getEntityManager().createNativeQuery("select period, region_code,"
                + " indicator, numerator, denominator, coalesce((inputs->>'members')::bigint, 0),"
                + " coalesce((inputs->>'membersCovered')::bigint, 0), cast(inputs->'counts' as text)"
                + " from indicator_value where period in (:periods) and org_unit_level = 'REGION'"
                + " and region_code in (:regions) and indicator in (:indicators) and latest")
                .setParameter("periods", periodsOf(works))
                .setParameter("regions", works.stream().flatMap(w -> w.regionCodes().stream())
                        .collect(Collectors.toCollection(TreeSet::new)))
                .setParameter("indicators", codesOf(works))
                .getResultList()) {
            Object[] cells = (Object[]) row;
            totals.computeIfAbsent((String) cells[0], k -> new HashMap<>())
                    .computeIfAbsent((String) cells[1], k -> new HashMap<>()).put((String) cells[2],
                            new RegionTotals(((Number) cells[5]).longValue(), ((Number) cells[6]).longValue(),
                                    (BigDecimal) cells[3], cells[4] == null ? BigDecimal.ZERO : (BigDecimal) cells[4],
                                    RegionTotals.counts(json.exact((String) cells[7]))));
        }
        return totals;
    }

    private static Set<String> periodsOf(List<RollUpWork> works) {
        return works.stream().map(RollUpWork::period).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> codesOf(List<RollUpWork> works) {
        return works.stream().flatMap(w -> w.definitions().stream()).map(IndicatorDefinition::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Takes (deletes and returns) the deltas of a period's regions: region code to indicator to delta. The caller
     * adds them to the region values, or sums the regions from scratch, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Map<String, RegionTotals>> takeRegionDeltas(String period) {
        // taken under the writers' turn, which every transaction adding deltas holds while it adds them
        writersTurn.take();
        return IndicatorValueEntity.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> RegionDeltas.take(connection, period,
                        counts -> RegionTotals.counts(json.exact(counts))));
    }

    /**
     * The totals of the latest base values the filter selects in the works' periods, by period and indicator; none
     * for one without any. Every combination of the works' periods and indicators is summed; what no work asked for
     * is summed but not used.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, RegionTotals>> sum(List<RollUpWork> works, OrgUnitLevel baseLevel,
            boolean ofSums, String filter, Object filterValue) {
        String where = " from indicator_value where indicator in (:indicators) and period in (:periods)"
                + " and org_unit_level = :level and latest " + filter;
        // rows that are sums themselves count the members they summed
        String membersSql = ofSums ? "coalesce(sum((inputs->>'members')::bigint), 0)" : "count(*)";
        String membersCoveredSql = ofSums ? "coalesce(sum((inputs->>'membersCovered')::bigint), 0)"
                : "count(*) filter (where (inputs->>'covered')::boolean)";
        Map<String, Map<String, Object[]>> rows = new HashMap<>();
        for (Object row : query("select period, indicator, " + membersSql + ", " + membersCoveredSql + ","
                + " coalesce(sum(numerator) filter (where (inputs->>'covered')::boolean), 0),"
                + " sum(denominator) filter (where (inputs->>'covered')::boolean)" + where
                + " group by period, indicator", works, baseLevel, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            rows.computeIfAbsent((String) cells[0], k -> new HashMap<>()).put((String) cells[1], cells);
        }
        Map<String, Map<String, Map<String, BigDecimal>>> counts = new HashMap<>();
        for (Object row : query("select v.period, v.indicator, c.key, sum(c.value::numeric) from (select period,"
                + " indicator, inputs" + where + ") v, jsonb_each_text(v.inputs->'counts') c"
                + " group by v.period, v.indicator, c.key", works, baseLevel, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            counts.computeIfAbsent((String) cells[0], k -> new HashMap<>())
                    .computeIfAbsent((String) cells[1], k -> new HashMap<>()).put((String) cells[2],
                            (BigDecimal) cells[3]);
        }
        Map<String, Map<String, RegionTotals>> totals = new HashMap<>();
        rows.forEach((period, byCode) -> byCode.forEach((code, cells) -> totals
                .computeIfAbsent(period, k -> new HashMap<>())
                .put(code, new RegionTotals(((Number) cells[2]).longValue(), ((Number) cells[3]).longValue(),
                        (BigDecimal) cells[4], cells[5] == null ? BigDecimal.ZERO : (BigDecimal) cells[5],
                        counts.getOrDefault(period, Map.of()).getOrDefault(code, Map.of())))));
        return totals;
    }

    private jakarta.persistence.Query query(String sql, List<RollUpWork> works, OrgUnitLevel baseLevel,
            Object filterValue) {
        jakarta.persistence.Query query = IndicatorValueEntity.getEntityManager().createNativeQuery(sql)
                .setParameter("indicators", codesOf(works)).setParameter("periods", periodsOf(works))
                .setParameter("level", baseLevel.name());
        if (filterValue != null) {
            query.setParameter("region", filterValue);
        }
        return query;
    }
}
