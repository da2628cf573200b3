package se.alfmonitor.survey.imports;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.alfmonitor.contract.problem.FieldError;

/**
 * The outcome of a bulk import, after DHIS2's import summary: {@code imported} new submissions, {@code updated}
 * existing ones, {@code ignored} rows identical to what is stored, {@code rejected} rows with their errors. Error
 * pointers point into the row ({@code /answers/15/2019}); for CSV, {@code index} counts submissions in order of first
 * appearance and {@code lines} lists their CSV lines. Also stored as JSON in the import's audit record, hence the
 * Jackson annotation: a JSON row has no lines.
 */
public record ImportSummary(
        UUID importId,
        boolean dryRun,
        int imported,
        int updated,
        int ignored,
        int rejected,
        List<Conflict> conflicts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(int index, String submissionId, List<Long> lines, List<FieldError> errors) {
    }
}
