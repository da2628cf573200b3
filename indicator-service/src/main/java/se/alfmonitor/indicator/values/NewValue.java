package se.alfmonitor.indicator.values;

import java.util.Map;

import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Parts;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;

/**
 * One value to record ({@link ValueStore#recordAll}).
 *
 * @param regionCode the region a unit or region value counts in; null for ALF and nation
 * @param parts numerator and denominator, or null when the org unit's data do not cover the indicator (it is then
 *        stored as not covered and left out of both sums above it)
 * @param details what is stored in {@code inputs} besides {@code catalogueVersion} and {@code covered}; free-form,
 *        as each indicator shows different facts next to its value
 */
public record NewValue(IndicatorDefinition definition, String orgUnit, OrgUnitLevel level, String regionCode,
        String period, Parts parts, Map<String, Object> details) {
}
