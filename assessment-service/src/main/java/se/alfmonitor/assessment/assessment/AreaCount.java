package se.alfmonitor.assessment.assessment;

/** Levels of one area: how many are fulfilled (MET or NOT_APPLICABLE) out of how many. */
public record AreaCount(int met, int total) {
}
