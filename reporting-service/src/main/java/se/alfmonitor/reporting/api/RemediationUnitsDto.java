package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.Area;
import se.alfmonitor.reporting.domain.Outcome;

/** Remediation overview in detail: every unit × unmet level of a campaign, for those allowed to see units. */
public record RemediationUnitsDto(String campaignId, List<Item> items) implements Tabular {

    public record Item(String unitId, String unitName, String regionCode, int level,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv,
            @Schema(enumeration = { "NOT_MET", "PENDING_REVIEW" }) String outcome) {
    }

    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Regionkod", "Region code"), label("Enhet", "Unit"),
                label("Enhetens namn", "Unit name"), label("Nivå", "Level"), label("Område", "Area"),
                label("Benämning", "Label"), label("Utfall", "Outcome"), label("Utfall (text)", "Outcome (text)"));
        items.forEach(i -> table.row(i.regionCode(), i.unitId(), i.unitName(), i.level(), Area.label(i.area()),
                i.labelSv(), i.outcome(), Outcome.label(i.outcome())));
        return table;
    }
}
