package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.util.List;
import java.util.Map;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;

/** Remediation overview in aggregate: per ALF region, how many unit × level requirements are still unmet. */
public record RemediationDto(String campaignId, List<RegionRemediation> regions) implements Tabular {

    /**
     * @param unmetLevels pairs of responding unit and unmet level (NOT_MET or PENDING_REVIEW)
     * @param byLevel unmet units per level number, "1" to "27"
     */
    public record RegionRemediation(String code, String name, int respondingUnits, int unitsWithUnmetLevels,
            int unmetLevels, int pendingReviews, Map<String, Integer> byLevel) {
    }

    /** One row per region and level with unmet units. */
    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Regionkod", "Region code"), label("Region", "Region"),
                label("Nivå", "Level"), label("Ej uppfyllda enheter", "Units not meeting"),
                label("Svarande enheter", "Responding units"));
        for (RegionRemediation r : regions) {
            r.byLevel().forEach((level, count) -> {
                if (count > 0) {
                    table.row(r.code(), r.name(), Integer.valueOf(level), count, r.respondingUnits());
                }
            });
        }
        return table;
    }
}
