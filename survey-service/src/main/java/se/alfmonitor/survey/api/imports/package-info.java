/**
 * {@code /api/imports}: {@code ImportResource}, which also decodes a CSV body in its declared charset, the
 * {@code ImportSummary} it answers (the same fields as {@code imports.ImportSummary}, mapped) and {@code ImportRunDto},
 * an import's audit record. Uses {@code imports} and {@code security}.
 */
package se.alfmonitor.survey.api.imports;
