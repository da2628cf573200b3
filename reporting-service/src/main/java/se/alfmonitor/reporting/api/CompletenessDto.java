package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.util.List;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;

/** How far a campaign has come: per ALF region, the active units expected to answer and those that have. */
public record CompletenessDto(String campaignId, List<RegionCompleteness> regions, Counts total) implements Tabular {

    /**
     * @param expected active units of the region in the unit register
     * @param submitted of these, the units with a submitted, assessed submission in the campaign
     * @param missing expected minus submitted
     * @param share submitted ÷ expected × 100, one decimal; null when no unit is expected
     */
    public record RegionCompleteness(String code, String name, int expected, int submitted, int missing,
            BigDecimal share) {
    }

    public record Counts(int expected, int submitted, int missing, BigDecimal share) {
    }

    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Regionkod", "Region code"), label("Region", "Region"),
                label("Förväntade enheter", "Expected units"), label("Inskickade", "Submitted"),
                label("Saknas", "Missing"), label("Andel inskickade %", "Share submitted %"));
        regions.forEach(r -> table.row(r.code(), r.name(), r.expected(), r.submitted(), r.missing(), r.share()));
        table.row(null, label("Totalt", "Total"), total.expected(), total.submitted(), total.missing(), total.share());
        return table;
    }
}
