package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.Area;
import se.alfmonitor.reporting.domain.SmallGroups.Suppression;

/**
 * The compliance matrix: 27 levels × the seven ALF regions, defined as in the contract. Figures of a group smaller
 * than the small-group rule allows the caller to see are {@code null} and named in {@code suppression}.
 */
public record ComplianceDto(
        String campaignId,
        List<RegionSummary> regions,
        List<LevelShares> levels,
        BigDecimal nationalAverage,
        UnitsMeetingAll unitsMeetingAll,
        Suppression suppression) implements Tabular {

    /** How the CSV writes a suppressed figure, as official statistics do. */
    public static final String SUPPRESSED = "..";

    public record RegionSummary(String code, String name, int respondingUnits, BigDecimal averageShare,
            boolean suppressed) {
    }

    /**
     * @param shares the share per region code, as before; {@code cells} has the same share with its counts
     * @param cells per region code, the counts behind the share
     * @param national the counts behind {@code nationalShare}
     */
    public record LevelShares(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv, Map<String, BigDecimal> shares,
            BigDecimal nationalShare, Map<String, Cell> cells, Cell national) {
    }

    /**
     * One cell of the matrix with its counts: responding = met + notApplicable + pendingReview + notMet; share =
     * (met + notApplicable) / responding × 100. Every count but responding is null when the cell is suppressed.
     */
    public record Cell(int responding, Integer met, Integer notApplicable, Integer pendingReview, Integer notMet,
            BigDecimal share, boolean suppressed) {
    }

    public record UnitsMeetingAll(Integer count, BigDecimal share, Map<String, RegionCount> byRegion) {
    }

    /** Units meeting all levels: count and share, both null when suppressed. */
    public record RegionCount(Integer count, BigDecimal share) {
    }

    /**
     * One row per level with a share column per region and the nation, then the rows under the table of the
     * published report: average share, responding units, and the units meeting all levels (count and share).
     */
    @Override
    public CsvTable toCsv() {
        List<String> headers = new ArrayList<>(List.of(label("Nivå", "Level"), label("Område", "Area"),
                label("Benämning", "Label")));
        for (RegionSummary region : regions) {
            headers.add(label(region.name() + " (" + region.code() + ") andel %",
                    region.name() + " (" + region.code() + ") share %"));
        }
        headers.add(label("Riket andel %", "National share %"));
        CsvTable table = new CsvTable(headers, new ArrayList<>());

        for (LevelShares level : levels) {
            List<Object> row = new ArrayList<>(List.of(level.number(), Area.label(level.area()), level.labelSv()));
            regions.forEach(r -> row.add(r.suppressed() ? SUPPRESSED : level.shares().get(r.code())));
            row.add(suppression.national() ? SUPPRESSED : level.nationalShare());
            table.rows().add(row);
        }
        summary(table, label("Medelvärde %", "Average share %"),
                regions.stream().map(r -> r.suppressed() ? SUPPRESSED : r.averageShare()), national(nationalAverage));
        summary(table, label("Svarande enheter", "Responding units"),
                regions.stream().map(r -> (Object) r.respondingUnits()),
                regions.stream().mapToInt(RegionSummary::respondingUnits).sum());
        summary(table, label("Uppfyller alla nivåer, antal", "Meeting all levels, count"),
                regions.stream().map(r -> r.suppressed() ? SUPPRESSED : unitsMeetingAll.byRegion().get(r.code())
                        .count()),
                national(unitsMeetingAll.count()));
        summary(table, label("Uppfyller alla nivåer, andel %", "Meeting all levels, share %"),
                regions.stream().map(r -> r.suppressed() ? SUPPRESSED : unitsMeetingAll.byRegion().get(r.code())
                        .share()),
                national(unitsMeetingAll.share()));
        return table;
    }

    private Object national(Object value) {
        return suppression.national() ? SUPPRESSED : value;
    }

    private static void summary(CsvTable table, String label, java.util.stream.Stream<?> perRegion,
            Object national) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(null);
        row.add(null);
        perRegion.forEach(row::add);
        row.add(national);
        table.rows().add(row);
    }
}
