package se.alfmonitor.survey.domain;

public enum SubmissionStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    LOCKED
}
