package se.alfmonitor.survey.submissions;

/** The outcome of a write: whether it created the submission and whether it changed anything at all. */
public record Saved(boolean created, boolean changed, Submission submission) {
}
