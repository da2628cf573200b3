package se.alfmonitor.indicator.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.contract.SmallGroupRule;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.config.IndicatorConfig;

/**
 * The contract's small-group rule ({@link SmallGroupRule}) on indicator values, for callers who may not see units
 * (viewers): a value of an indicator whose catalogue definition has a {@code groupSize} (an outcome figure of
 * assessed units) is suppressed when the responding units behind it are 1 or 2, at a region; at {@code ALF} and
 * {@code SE} also when the suppressed regions they pool hold 1 or 2 units between them (subtracting the regions shown
 * would give them back) or, for the nation, the suppressed regions outside ALF do. The number of responding units of
 * a region is the denominator of the indicator the definition names, at that region and period. A derived value
 * (ALF-04) whose counting indicator has no units there although the value exists is of a size not known and is
 * suppressed as well. Other indicators (ALF-05, the staff matrix, the study indicators) are not outcome figures of
 * units and are served as they are.
 */
@ApplicationScoped
public class SmallGroups {

    /** What a suppressed value keeps of its inputs: how it was computed and how many members it has, no outcome. */
    private static final Set<String> KEPT_INPUTS = Set.of("catalogueVersion", "covered", StoredValue.GROUP_SIZE_OF,
            "members", "membersCovered");

    private final IndicatorCatalogue catalogue;
    private final EntityManager em;
    private final SmallGroupRule rule;

    public SmallGroups(IndicatorCatalogue catalogue, EntityManager em, IndicatorConfig config) {
        this.catalogue = catalogue;
        this.em = em;
        this.rule = new SmallGroupRule(config.minimumGroup());
    }

    /** The values as a caller who may see units gets them. */
    public List<ServedValue> unsuppressed(List<IndicatorComputed> values) {
        return values.stream().map(ServedValue::shown).toList();
    }

    /** The values as a caller who may not see units gets them: outcome figures of small groups suppressed. */
    public List<ServedValue> forAggregateReader(List<IndicatorComputed> values) {
        Map<Key, Counts> counts = counts(values);
        Map<Key, SmallGroupRule.Suppressed> suppressed = new HashMap<>();
        List<ServedValue> served = new ArrayList<>(values.size());
        for (IndicatorComputed v : values) {
            IndicatorDefinition definition = definition(v.indicator());
            Key key = key(v, definition);
            if (key == null) {
                served.add(ServedValue.shown(v));
                continue;
            }
            Counts units = counts.getOrDefault(key, Counts.NONE);
            SmallGroupRule.Suppressed hidden = suppressed.computeIfAbsent(key,
                    k -> rule.apply(units.regions(), units.nation(), true, region -> false));
            boolean suppress = switch (OrgUnitLevel.valueOf(v.orgUnitLevel())) {
                case REGION -> hidden.regions().contains(v.orgUnit())
                        || unknownSize(v, units.regions().getOrDefault(v.orgUnit(), 0));
                case ALF -> hidden.alf() || unknownSize(v, units.alf());
                case NATION -> hidden.national() || unknownSize(v, units.nation());
                case UNIT -> false;
            };
            served.add(suppress ? suppressed(v, definition) : ServedValue.shown(v));
        }
        return served;
    }

    /** The series whose units are counted, for a value the rule applies to; null for every other value. */
    private Key key(IndicatorComputed v, IndicatorDefinition definition) {
        if (definition == null || definition.groupSize() == null
                || OrgUnitLevel.UNIT.name().equals(v.orgUnitLevel())) {
            return null;
        }
        return new Key(definition.groupSize().denominatorOf(), v.period());
    }

    /** A derived value whose counting indicator has no units where the value exists: its group is not known. */
    private static boolean unknownSize(IndicatorComputed v, int units) {
        return v.value() != null && units == 0;
    }

    private static ServedValue suppressed(IndicatorComputed v, IndicatorDefinition definition) {
        boolean countsUnits = definition.code().equals(definition.groupSize().denominatorOf());
        JsonNode inputs = v.inputs();
        if (inputs instanceof ObjectNode object) {
            ObjectNode kept = object.deepCopy();
            kept.retain(KEPT_INPUTS);
            inputs = kept;
        }
        return new ServedValue(v.indicator(), v.orgUnit(), v.orgUnitLevel(), v.period(), null,
                countsUnits ? v.denominator() : null, v.factor(), null, inputs, v.computedAt(), true);
    }

    /** The responding units behind every counting series the values need, per region, ALF and nation: one query. */
    @SuppressWarnings("unchecked")
    private Map<Key, Counts> counts(List<IndicatorComputed> values) {
        Set<String> codes = new java.util.HashSet<>();
        Set<String> periods = new java.util.HashSet<>();
        for (IndicatorComputed v : values) {
            Key key = key(v, definition(v.indicator()));
            if (key != null) {
                codes.add(key.counter());
                periods.add(key.period());
            }
        }
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<Key, Map<String, Integer>> regions = new HashMap<>();
        Map<Key, Integer> alf = new HashMap<>();
        Map<Key, Integer> nation = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select indicator, org_unit, org_unit_level, period, denominator"
                + " from indicator_value where latest and indicator in (:codes) and period in (:periods)"
                + " and org_unit_level in ('REGION', 'ALF', 'NATION')")
                .setParameter("codes", codes).setParameter("periods", periods).getResultList();
        for (Object[] row : rows) {
            Key key = new Key((String) row[0], (String) row[3]);
            int units = row[4] == null ? 0 : ((BigDecimal) row[4]).intValue();
            switch (OrgUnitLevel.valueOf((String) row[2])) {
                case REGION -> regions.computeIfAbsent(key, k -> new TreeMap<>()).put((String) row[1], units);
                case ALF -> alf.put(key, units);
                case NATION -> nation.put(key, units);
                default -> {
                }
            }
        }
        Map<Key, Counts> counts = new LinkedHashMap<>();
        Set<Key> keys = new java.util.HashSet<>(regions.keySet());
        keys.addAll(nation.keySet());
        keys.addAll(alf.keySet());
        for (Key key : keys) {
            Map<String, Integer> byRegion = regions.getOrDefault(key, Map.of());
            int regionSum = byRegion.values().stream().mapToInt(Integer::intValue).sum();
            int alfSum = byRegion.entrySet().stream().filter(e -> OrgUnitLevel.ALF_REGIONS.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            counts.put(key, new Counts(byRegion, alf.getOrDefault(key, alfSum), nation.getOrDefault(key, regionSum)));
        }
        return counts;
    }

    private IndicatorDefinition definition(String code) {
        return catalogue.find(code).map(IndicatorCatalogue.Compiled::definition).orElse(null);
    }

    /** A counting indicator in one period. */
    private record Key(String counter, String period) {
    }

    /** Responding units per region, of the ALF regions together and of the nation. */
    private record Counts(Map<String, Integer> regions, int alf, int nation) {
        static final Counts NONE = new Counts(Map.of(), 0, 0);
    }
}
