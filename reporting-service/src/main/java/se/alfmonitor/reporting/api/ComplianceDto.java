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

/** The compliance matrix: 27 levels × the seven ALF regions, defined as in the contract. */
public record ComplianceDto(
        String campaignId,
        List<RegionSummary> regions,
        List<LevelShares> levels,
        BigDecimal nationalAverage,
        UnitsMeetingAll unitsMeetingAll) implements Tabular {

    public record RegionSummary(String code, String name, int respondingUnits, BigDecimal averageShare) {
    }

    public record LevelShares(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv, Map<String, BigDecimal> shares,
            BigDecimal nationalShare) {
    }

    public record UnitsMeetingAll(int count, BigDecimal share, Map<String, RegionCount> byRegion) {
    }

    public record RegionCount(int count, BigDecimal share) {
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
            regions.forEach(r -> row.add(level.shares().get(r.code())));
            row.add(level.nationalShare());
            table.rows().add(row);
        }
        summary(table, label("Medelvärde %", "Average share %"), regions.stream().map(r -> (Object) r.averageShare()),
                nationalAverage);
        summary(table, label("Svarande enheter", "Responding units"),
                regions.stream().map(r -> (Object) r.respondingUnits()),
                regions.stream().mapToInt(RegionSummary::respondingUnits).sum());
        summary(table, label("Uppfyller alla nivåer, antal", "Meeting all levels, count"),
                regions.stream().map(r -> (Object) unitsMeetingAll.byRegion().get(r.code()).count()),
                unitsMeetingAll.count());
        summary(table, label("Uppfyller alla nivåer, andel %", "Meeting all levels, share %"),
                regions.stream().map(r -> (Object) unitsMeetingAll.byRegion().get(r.code()).share()),
                unitsMeetingAll.share());
        return table;
    }

    private static void summary(CsvTable table, String label, java.util.stream.Stream<Object> perRegion,
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
