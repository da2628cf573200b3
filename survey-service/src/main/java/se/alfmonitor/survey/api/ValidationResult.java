package se.alfmonitor.survey.api;

public record ValidationResult(boolean valid) {
}
