package se.alfmonitor.survey.api;

import java.util.List;
import java.util.UUID;

import se.alfmonitor.contract.problem.FieldError;

/**
 * The outcome of a bulk import, after DHIS2's import summary: {@code imported} new submissions, {@code updated}
 * existing ones, {@code ignored} rows identical to what is stored, {@code rejected} rows with their errors. Error
 * pointers point into the row ({@code /answers/15/2019}); for CSV, {@code index} counts submissions in order of first
 * appearance and {@code lines} lists their CSV lines.
 */
public record ImportSummary(
        UUID importId,
        boolean dryRun,
        int imported,
        int updated,
        int ignored,
        int rejected,
        List<Conflict> conflicts) {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Conflict(int index, String submissionId, List<Long> lines, List<FieldError> errors) {
    }
}
