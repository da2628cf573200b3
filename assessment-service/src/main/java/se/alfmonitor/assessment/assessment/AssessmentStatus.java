package se.alfmonitor.assessment.assessment;

/** The {@code status} filter of {@code GET /api/assessments}: whether a unit's latest assessment meets all levels. */
public enum AssessmentStatus {
    /** Every level is {@code MET} or {@code NOT_APPLICABLE} ({@code allMet}). */
    ALL_MET,
    /** At least one level is {@code NOT_MET} or {@code PENDING_REVIEW}. */
    NOT_ALL_MET
}
