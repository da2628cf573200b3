package se.alfmonitor.assessment.review;

/** Where a free-text example stands with the assessors. */
public enum ReviewStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** The unit replaced the example with another text before anyone judged it. */
    SUPERSEDED
}
