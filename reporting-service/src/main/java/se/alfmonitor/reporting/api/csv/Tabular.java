package se.alfmonitor.reporting.api.csv;

/** A response that can also be served as {@code text/csv}. */
public interface Tabular {

    CsvTable toCsv();
}
