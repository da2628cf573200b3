package se.alfmonitor.reporting.api.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as CSV shows it: column headers in Swedish with English beside them ({@code Nivå / Level}), and rows of
 * cells (strings, numbers, booleans or null for an empty cell).
 */
public record CsvTable(List<String> headers, List<List<Object>> rows) {

    public static CsvTable withHeaders(String... headers) {
        return new CsvTable(List.of(headers), new ArrayList<>());
    }

    public CsvTable row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** Label of a column in both languages, as every CSV header of this service reads. */
    public static String label(String sv, String en) {
        return sv + " / " + en;
    }
}
