package se.alfmonitor.survey.api.imports;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.alfmonitor.contract.problem.FieldError;

/**
 * The outcome of a bulk import as the API shows it, mapped from the import's own
 * {@link se.alfmonitor.survey.imports.ImportSummary} (same simple name, since the name is the published schema's):
 * {@code imported} new submissions, {@code updated} existing ones, {@code ignored} rows identical to what is stored,
 * {@code rejected} rows with their errors. Error pointers point into the row ({@code /answers/15/2019}); for CSV, {@code index} counts
 * submissions in order of first appearance and {@code lines} lists their CSV lines.
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

    static ImportSummary from(se.alfmonitor.survey.imports.ImportSummary s) {
        return new ImportSummary(s.importId(), s.dryRun(), s.imported(), s.updated(), s.ignored(), s.rejected(),
                s.conflicts().stream().map(c -> new Conflict(c.index(), c.submissionId(), c.lines(), c.errors()))
                        .toList());
    }
}
