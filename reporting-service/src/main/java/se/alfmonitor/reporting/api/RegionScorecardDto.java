package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.Area;
import se.alfmonitor.reporting.domain.SmallGroups.Suppression;

/**
 * One ALF region in one campaign: level and area shares beside the nation's, the region's latest indicator values,
 * how many level requirements are still unmet (remediation status), and the trend over earlier campaigns.
 */
public record RegionScorecardDto(
        String regionCode,
        String regionName,
        String campaignId,
        int respondingUnits,
        BigDecimal averageShare,
        BigDecimal nationalAverage,
        ComplianceDto.RegionCount unitsMeetingAll,
        List<Level> levels,
        List<AreaShare> areas,
        List<Indicator> indicators,
        Remediation remediation,
        List<TrendPoint> trend,
        Suppression suppression) implements Tabular {

    /**
     * @param unmetUnits responding units of the region whose outcome is NOT_MET or PENDING_REVIEW
     * @param pendingReviewUnits of these, the units awaiting an assessor's decision
     */
    public record Level(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv, BigDecimal share, BigDecimal nationalShare,
            Integer unmetUnits, Integer pendingReviewUnits) {
    }

    /** The unweighted mean of the area's level shares, as averageShare is over all 27. */
    public record AreaShare(
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv, String labelEn, BigDecimal share, BigDecimal nationalShare) {
    }

    /**
     * The region's latest value of an indicator; {@code suppressed} when it is an outcome figure of 1 or 2 responding
     * units the caller may not see: numerator and value null (the denominator stays for a share of units).
     */
    public record Indicator(String indicator, String period, BigDecimal numerator, BigDecimal denominator,
            BigDecimal factor, BigDecimal value, Instant computedAt, boolean suppressed) {
    }

    /**
     * @param unmetLevels pairs of responding unit and level not fulfilled, each a remediation item
     * @param unitsWithUnmetLevels responding units with at least one unmet level
     * @param pendingReviews of the unmet levels, those awaiting an assessor's decision
     */
    public record Remediation(Integer unmetLevels, Integer unitsWithUnmetLevels, Integer pendingReviews) {
    }

    /**
     * @param change averageShare minus the previous campaign's, in percentage points; null for the first
     */
    public record TrendPoint(String campaignId, int respondingUnits, BigDecimal averageShare,
            BigDecimal unitsMeetingAllShare, BigDecimal change) {
    }

    /** The levels, then the areas, then the average: the region's column of the compliance matrix with the nation's. */
    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Region", "Region"), label("Nivå", "Level"),
                label("Område", "Area"), label("Benämning", "Label"), label("Andel %", "Share %"),
                label("Riket andel %", "National share %"), label("Ej uppfyllda enheter", "Units not meeting"),
                label("Väntar på bedömning", "Awaiting review"));
        boolean hidden = suppression.hides(regionCode);
        levels.forEach(l -> table.row(regionCode, l.number(), Area.label(l.area()), l.labelSv(), region(l.share()),
                national(l.nationalShare()), region(l.unmetUnits()), region(l.pendingReviewUnits())));
        areas.forEach(a -> table.row(regionCode, null, Area.label(a.area()), label("Områdets medelvärde", "Area average"),
                region(a.share()), national(a.nationalShare()), null, null));
        table.row(regionCode, null, null, label("Medelvärde alla nivåer", "Average of all levels"),
                region(averageShare), national(nationalAverage), region(remediation.unmetLevels()),
                hidden ? ComplianceDto.SUPPRESSED : remediation.pendingReviews());
        return table;
    }

    private Object region(Object value) {
        return suppression.hides(regionCode) ? ComplianceDto.SUPPRESSED : value;
    }

    private Object national(Object value) {
        return suppression.national() ? ComplianceDto.SUPPRESSED : value;
    }
}
