/**
 * Bulk import: {@code ImportService} reads JSON rows itself and CSV rows through {@code CsvRows} (into
 * {@code ImportRow}s), stores each row in its own transaction through the services of {@code submissions} after
 * taking the unit's lock, and keeps the import as one audit record ({@code ImportRun}) with its
 * {@code ImportSummary}. Uses {@code submissions}, {@code campaigns}, {@code questionnaire}, {@code persistence} and
 * {@code config}; used by {@code api} only.
 */
package se.alfmonitor.survey.imports;
