package se.alfmonitor.indicator.rollup;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Parts;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;

/**
 * What a summed value is made of: its members (the values summed), those of them covering the indicator, the sums of
 * the covered members' numerators and denominators, and the sums of the members' {@code inputs.counts} by key. The
 * same shape describes one unit value's share of its region's sums, and the difference two unit values make.
 *
 * @param denominator zero for count indicators, whose values have none
 * @param counts sorted by key
 */
public record RegionTotals(long members, long membersCovered, BigDecimal numerator, BigDecimal denominator,
        Map<String, BigDecimal> counts) {

    public static final RegionTotals ZERO = new RegionTotals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, Map.of());

    public RegionTotals {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** One stored value's share of the sums above it, as the sums count it: parts only when covered. */
    static RegionTotals ofMember(boolean covered, BigDecimal numerator, BigDecimal denominator,
            Map<String, BigDecimal> counts) {
        return new RegionTotals(1, covered ? 1 : 0, covered && numerator != null ? numerator : BigDecimal.ZERO,
                covered && denominator != null ? denominator : BigDecimal.ZERO, counts);
    }

    public RegionTotals plus(RegionTotals other) {
        Map<String, BigDecimal> sum = new TreeMap<>(counts);
        other.counts.forEach((key, value) -> sum.merge(key, value, BigDecimal::add));
        return new RegionTotals(members + other.members, membersCovered + other.membersCovered,
                numerator.add(other.numerator), denominator.add(other.denominator), sum);
    }

    public RegionTotals negated() {
        Map<String, BigDecimal> negated = new TreeMap<>();
        counts.forEach((key, value) -> negated.put(key, value.negate()));
        return new RegionTotals(-members, -membersCovered, numerator.negate(), denominator.negate(), negated);
    }

    /** True when adding it changes nothing. */
    public boolean isZero() {
        return members == 0 && membersCovered == 0 && numerator.signum() == 0 && denominator.signum() == 0
                && counts.values().stream().allMatch(c -> c.signum() == 0);
    }

    /**
     * The same totals in the form a sum in SQL gives for the same members wherever that does not depend on which
     * members were added and removed over time: no counts without members (a sum over no rows has none), and numbers
     * without trailing zeros (an addition keeps the largest scale it ever met).
     */
    RegionTotals normalized() {
        Map<String, BigDecimal> plain = new TreeMap<>();
        if (members != 0) {
            counts.forEach((key, value) -> plain.put(key, plain(value)));
        }
        return new RegionTotals(members, membersCovered, plain(numerator), plain(denominator), plain);
    }

    /** The summed value: not covered when no member covers the indicator. */
    NewValue toValue(IndicatorDefinition definition, String orgUnit, OrgUnitLevel level,
            String regionCode, String period) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("members", members);
        details.put("membersCovered", membersCovered);
        if (!counts.isEmpty()) {
            details.put("counts", new TreeMap<>(counts));
        }
        return new NewValue(definition, orgUnit, level, regionCode, period,
                membersCovered == 0 ? null : new Parts(numerator, definition.isCount() ? null : denominator),
                details);
    }

    /** The numbers of a stored {@code inputs.counts} object (read with exact decimals) by key, exactly. */
    static Map<String, BigDecimal> counts(JsonNode counts) {
        Map<String, BigDecimal> byKey = new TreeMap<>();
        if (counts.isObject()) {
            counts.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    byKey.put(e.getKey(), e.getValue().decimalValue());
                } else if (!e.getValue().isNull()) {
                    byKey.put(e.getKey(), new BigDecimal(e.getValue().asText()));
                }
            });
        }
        return byKey;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
