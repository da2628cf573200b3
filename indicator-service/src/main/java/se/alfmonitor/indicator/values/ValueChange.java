package se.alfmonitor.indicator.values;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value stored because it differs from the latest of its series, with the row it retired.
 *
 * @param retired the latest row before, null when the series is new
 */
public record ValueChange(StoredValue stored, Retired retired) {

    /**
     * A row no longer the latest of its series, as it was stored.
     *
     * @param orgUnitLevel as stored ({@link OrgUnitLevel} name)
     * @param inputs its {@code inputs} already read with exact decimals, or null when not read yet
     */
    public record Retired(String orgUnitLevel, String regionCode, BigDecimal numerator, BigDecimal denominator,
            String inputsJson, JsonNode inputs) {

        /** Its inputs read with exact decimals (read now when they were not read while storing). */
        public JsonNode exactInputs(InputsJson json) {
            return inputs != null ? inputs : json.exact(inputsJson);
        }
    }
}
