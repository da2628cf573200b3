package se.alfmonitor.assessment.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import se.alfmonitor.contract.http.SpreadsheetText;

/**
 * The changed units of a simulation as CSV, one line per unit and level. The explanations quote free text from the
 * answers, so every text cell goes through {@link SpreadsheetText} and a spreadsheet never runs it as a formula.
 */
public final class SimulationCsv {

    static final String[] HEADER = { "unitId", "regionCode", "level", "from", "to", "explanationSv",
            "explanationEn" };

    private SimulationCsv() {
    }

    public static String write(List<UnitChange> changes) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (UnitChange change : changes) {
                printer.printRecord(cell(change.unitId()), cell(change.regionCode()), change.level(),
                        change.from() == null ? "" : change.from().name(), change.to().name(),
                        cell(change.explanation().path("sv").asText("")),
                        cell(change.explanation().path("en").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** A text cell a spreadsheet shows as text ({@link SpreadsheetText}). */
    static String cell(String value) {
        return SpreadsheetText.safe(value);
    }
}
