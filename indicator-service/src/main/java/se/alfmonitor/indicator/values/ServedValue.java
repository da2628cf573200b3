package se.alfmonitor.indicator.values;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.events.IndicatorComputed;

/**
 * A value as {@code /api/values} serves it: the computed value, or, when the small-group rule hides it from the
 * caller, the same series point with its figures {@code null} and {@code suppressed: true}.
 *
 * @param denominator kept when suppressed if it is the number of responding units itself (a share of units)
 * @param inputs when suppressed only {@code catalogueVersion}, {@code covered}, {@code groupSizeOf}, {@code members}
 *        and {@code membersCovered}
 */
public record ServedValue(
        String indicator,
        String orgUnit,
        String orgUnitLevel,
        String period,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal factor,
        BigDecimal value,
        JsonNode inputs,
        Instant computedAt,
        boolean suppressed) {

    static ServedValue shown(IndicatorComputed v) {
        return new ServedValue(v.indicator(), v.orgUnit(), v.orgUnitLevel(), v.period(), v.numerator(),
                v.denominator(), v.factor(), v.value(), v.inputs(), v.computedAt(), false);
    }
}
