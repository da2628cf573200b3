package se.alfmonitor.survey.api.submissions;

public record ValidationResult(boolean valid) {
}
