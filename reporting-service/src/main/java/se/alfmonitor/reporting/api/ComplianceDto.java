package se.alfmonitor.reporting.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The compliance matrix: 27 levels × the seven ALF regions, defined as in the contract. */
public record ComplianceDto(
        String campaignId,
        List<RegionSummary> regions,
        List<LevelShares> levels,
        BigDecimal nationalAverage,
        UnitsMeetingAll unitsMeetingAll) {

    public record RegionSummary(String code, String name, int respondingUnits, BigDecimal averageShare) {
    }

    public record LevelShares(int number, String area, String labelSv, Map<String, BigDecimal> shares,
            BigDecimal nationalShare) {
    }

    public record UnitsMeetingAll(int count, BigDecimal share, Map<String, RegionCount> byRegion) {
    }

    public record RegionCount(int count, BigDecimal share) {
    }
}
