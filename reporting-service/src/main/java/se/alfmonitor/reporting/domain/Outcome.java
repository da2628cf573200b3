package se.alfmonitor.reporting.domain;

/** How dashboards word a level outcome. */
public final class Outcome {

    private Outcome() {
    }

    /** "Uppfylld / Met" and so on; the code itself if unknown. */
    public static String label(String code) {
        return switch (code == null ? "" : code) {
            case "MET" -> "Uppfylld / Met";
            case "NOT_MET" -> "Inte uppfylld / Not met";
            case "NOT_APPLICABLE" -> "Inte tillämplig (räknas som uppfylld) / Not applicable (counts as met)";
            case "PENDING_REVIEW" -> "Väntar på bedömning / Awaiting review";
            default -> code;
        };
    }

    public static boolean fulfilled(String code) {
        return Tally.FULFILLED.contains(code);
    }
}
