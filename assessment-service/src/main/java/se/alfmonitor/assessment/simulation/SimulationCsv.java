package se.alfmonitor.assessment.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The changed units of a simulation as CSV, one line per unit and level. Spreadsheets run a cell that starts with
 * {@code = + - @}, a tab or a carriage return as a formula, and the explanations quote free text from the answers, so
 * every such cell is written with a leading apostrophe.
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

    /** A text cell a spreadsheet shows as text. */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
