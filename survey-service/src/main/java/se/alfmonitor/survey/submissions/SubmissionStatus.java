package se.alfmonitor.survey.submissions;

public enum SubmissionStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    LOCKED
}
