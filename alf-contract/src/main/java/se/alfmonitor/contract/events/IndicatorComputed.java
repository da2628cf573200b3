package se.alfmonitor.contract.events;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One computed indicator value, as served by indicator-service. Key: {@code indicator|orgUnit|period} on a compacted
 * topic, so the topic holds the latest value of every series point.
 */
public record IndicatorComputed(
        String indicator,
        String orgUnit,
        @Schema(enumeration = { "UNIT", "REGION", "ALF", "NATION" }) String orgUnitLevel,
        String period,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal factor,
        BigDecimal value,
        JsonNode inputs,
        Instant computedAt) {
}
