/**
 * {@code /api/submissions}: {@code SubmissionResource} and its DTOs ({@code SubmissionDto}, {@code SubmissionPage},
 * {@code HistoryEntry}, {@code RevisionDto}, {@code ValidationResult}) and request bodies ({@code DraftRequest},
 * {@code AmendmentRequest}, {@code ReturnRequest}, {@code ValidateRequest}), each mapping itself from or to the
 * records of {@code submissions}; {@code SubmissionEtags} sends a submission's ETag as a header. Uses
 * {@code submissions}, {@code security} and {@code config}.
 */
package se.alfmonitor.survey.api.submissions;
