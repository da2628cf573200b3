package se.alfmonitor.indicator.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.rollup.RollUpListener;
import se.alfmonitor.indicator.rollup.RollUpSums.RollUpWork;
import se.alfmonitor.indicator.values.IndicatorValueEntity;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;

/**
 * The level means (ALF-04): at units when their assessments change, and above them after the roll-up has summed
 * their level shares (it calls this as a {@link RollUpListener}).
 */
@ApplicationScoped
public class LevelMeans implements RollUpListener {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The code prefix of the share of units meeting level n (ALF-01.n). */
    private static final String LEVEL_SHARE = "ALF-01.";

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;

    public LevelMeans(IndicatorCatalogue catalogue, ValueStore values) {
        this.catalogue = catalogue;
        this.values = values;
    }

    /** Above units whose assessment indicators were summed again: their regions, the ALF regions and the nation. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void summed(List<RollUpWork> works) {
        for (RollUpWork work : works) {
            if (work.baseLevel() == OrgUnitLevel.UNIT && work.definitions().stream()
                    .anyMatch(d -> IndicatorDefinition.FEED_ASSESSMENT.equals(d.feed()))) {
                above(work.regionCodes(), work.period());
            }
        }
    }

    /** The level means of the given regions, the ALF regions and the nation, from their summed level shares. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void above(Collection<String> regionCodes, String period) {
        Map<String, String> regions = new LinkedHashMap<>();
        regionCodes.forEach(code -> regions.put(code, code));
        at(OrgUnitLevel.REGION, period, regions);
        at(OrgUnitLevel.ALF, period, Collections.singletonMap(OrgUnitLevel.ALF_ID, null));
        at(OrgUnitLevel.NATION, period, Collections.singletonMap(OrgUnitLevel.NATION_ID, null));
    }

    /**
     * ALF-04 is the one summed-ratio exception: the unweighted mean of the level shares at the org unit itself,
     * computed from the unrounded ALF-01 parts there, never from lower-level means. One query reads the shares of all
     * the given org units of a level.
     *
     * @param orgUnits org unit to its region code (null above regions)
     */
    void at(OrgUnitLevel level, String period, Map<String, String> orgUnits) {
        if (orgUnits.isEmpty()) {
            return;
        }
        List<String> shareCodes = catalogue.byFeed(IndicatorDefinition.FEED_ASSESSMENT).stream()
                .map(c -> c.definition().code()).filter(code -> code.startsWith(LEVEL_SHARE)).toList();
        Map<String, Map<Integer, BigDecimal>> shares = new HashMap<>();
        if (!shareCodes.isEmpty()) {
            // native, so that the shares read do not become managed entities the session dirty-checks at every flush
            for (Object row : IndicatorValueEntity.getEntityManager().createNativeQuery("select org_unit, indicator,"
                    + " numerator, denominator from indicator_value where indicator in (:codes)"
                    + " and org_unit in (:orgUnits) and period = :period and org_unit_level = :level and latest"
                    + " and denominator > 0")
                    .setParameter("codes", shareCodes).setParameter("orgUnits", orgUnits.keySet())
                    .setParameter("period", period).setParameter("level", level.name()).getResultList()) {
                Object[] cells = (Object[]) row;
                shares.computeIfAbsent((String) cells[0], k -> new HashMap<>()).put(
                        Integer.valueOf(((String) cells[1]).substring(LEVEL_SHARE.length())),
                        ((BigDecimal) cells[2]).multiply(HUNDRED).divide((BigDecimal) cells[3],
                                MathContext.DECIMAL64));
            }
        }
        List<NewValue> means = new ArrayList<>();
        for (Map.Entry<String, String> orgUnit : orgUnits.entrySet()) {
            Map<Integer, BigDecimal> own = shares.getOrDefault(orgUnit.getKey(), Map.of());
            for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_LEVEL_MEAN)) {
                List<Integer> set = indicator.definition().minimumLevels();
                BigDecimal sum = BigDecimal.ZERO;
                int count = 0;
                for (Integer n : set) {
                    if (own.containsKey(n)) {
                        sum = sum.add(own.get(n));
                        count++;
                    }
                }
                Map<String, Object> inputs = new LinkedHashMap<>();
                inputs.put("shareSum", sum.setScale(6, RoundingMode.HALF_UP));
                inputs.put("levelsWithShare", count);
                Map<String, Object> details = new LinkedHashMap<>(inputs);
                details.put("levelsInSet", set.size());
                means.add(new NewValue(indicator.definition(), orgUnit.getKey(), level,
                        orgUnit.getValue(), period, indicator.evaluate(inputs).orElse(null), details));
            }
        }
        values.recordAll(means);
    }
}
