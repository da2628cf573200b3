package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.util.List;
import java.util.Map;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.SmallGroups.Suppression;

/**
 * Remediation overview in aggregate: per ALF region, how many unit × level requirements are still unmet. A region
 * whose group is too small for the caller has its responding units only; its other counts are null.
 */
public record RemediationDto(String campaignId, List<RegionRemediation> regions, Suppression suppression)
        implements Tabular {

    /**
     * @param unmetLevels pairs of responding unit and unmet level (NOT_MET or PENDING_REVIEW)
     * @param byLevel unmet units per level number, "1" to "27"
     */
    public record RegionRemediation(String code, String name, int respondingUnits, Integer unitsWithUnmetLevels,
            Integer unmetLevels, Integer pendingReviews, Map<String, Integer> byLevel) {
    }

    /** One row per region and level with unmet units; a suppressed region has one row saying so. */
    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Regionkod", "Region code"), label("Region", "Region"),
                label("Nivå", "Level"), label("Ej uppfyllda enheter", "Units not meeting"),
                label("Svarande enheter", "Responding units"));
        for (RegionRemediation r : regions) {
            if (suppression.hides(r.code())) {
                table.row(r.code(), r.name(), null, ComplianceDto.SUPPRESSED, r.respondingUnits());
                continue;
            }
            r.byLevel().forEach((level, count) -> {
                if (count > 0) {
                    table.row(r.code(), r.name(), Integer.valueOf(level), count, r.respondingUnits());
                }
            });
        }
        return table;
    }
}
