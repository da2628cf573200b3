package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.Area;
import se.alfmonitor.reporting.domain.Outcome;

/** One unit's latest assessment in a campaign: every level with its outcome and why. */
public record UnitScorecardDto(
        String unitId,
        String unitName,
        String regionCode,
        String campaignId,
        int submissionRevision,
        int version,
        Instant assessedAt,
        int metCount,
        boolean allMet,
        int pendingReviews,
        List<Level> levels) implements Tabular {

    /**
     * @param explanationSv the sentence of the assessment explaining the outcome in Swedish ({@code explanation.sv})
     * @param explanation the explanation as assessment-service published it, with the items and answers
     */
    public record Level(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            String labelSv, String textSv, String textEn,
            @Schema(enumeration = { "MET", "NOT_MET", "NOT_APPLICABLE", "PENDING_REVIEW" }) String outcome,
            boolean fulfilled, String explanationSv, String explanationEn, JsonNode explanation) {
    }

    @Override
    public CsvTable toCsv() {
        CsvTable table = CsvTable.withHeaders(label("Enhet", "Unit"), label("Nivå", "Level"),
                label("Område", "Area"), label("Benämning", "Label"), label("Utfall", "Outcome"),
                label("Utfall (text)", "Outcome (text)"), label("Uppfylld", "Fulfilled"),
                label("Förklaring", "Explanation (Swedish)"), label("Förklaring (engelska)", "Explanation"));
        levels.forEach(l -> table.row(unitId, l.number(), Area.label(l.area()), l.labelSv(), l.outcome(),
                Outcome.label(l.outcome()), l.fulfilled(), l.explanationSv(), l.explanationEn()));
        return table;
    }
}
