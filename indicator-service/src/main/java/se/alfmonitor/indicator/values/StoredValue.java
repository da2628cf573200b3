package se.alfmonitor.indicator.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value as it is stored: its parts (zero when not covered; no denominator for counts), the value they give, and
 * its {@code inputs} (the given details after {@code catalogueVersion}, {@code covered} and, for an outcome figure of units,
 * {@code groupSizeOf}) as built and as JSON.
 */
public record StoredValue(NewValue given, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
        Map<String, Object> inputs, String inputsJson, Instant computedAt) {

    /** The key of {@code inputs} naming the indicator whose denominator counts the units behind the value. */
    public static final String GROUP_SIZE_OF = "groupSizeOf";

    static StoredValue of(NewValue v, Instant computedAt, InputsJson json) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("catalogueVersion", v.definition().version());
        inputs.put("covered", v.parts() != null);
        if (v.definition().groupSize() != null) {
            // consumers of the topic (reporting-service) learn so which values the small-group rule applies to
            inputs.put(GROUP_SIZE_OF, v.definition().groupSize().denominatorOf());
        }
        inputs.putAll(v.details());
        BigDecimal numerator = v.parts() == null ? BigDecimal.ZERO : v.parts().numerator();
        BigDecimal denominator = v.definition().isCount() ? null
                : v.parts() == null ? BigDecimal.ZERO : v.parts().denominator();
        BigDecimal value = v.parts() == null ? null : valueOf(numerator, denominator, v.definition().factor());
        return new StoredValue(v, numerator, denominator, value, inputs, json.write(inputs), computedAt);
    }

    /** N × factor ÷ D to one decimal; no value when D is 0; a count is N × factor. */
    static BigDecimal valueOf(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (denominator == null) {
            return numerator.multiply(factor).setScale(1, RoundingMode.HALF_UP);
        }
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(factor).divide(denominator, 1, RoundingMode.HALF_UP);
    }
}
