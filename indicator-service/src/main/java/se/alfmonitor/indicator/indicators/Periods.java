package se.alfmonitor.indicator.indicators;

import java.util.Objects;

/** DHIS2-style period ids derived from campaign ids. */
public final class Periods {

    private Periods() {
    }

    /** Campaign {@code alf-2018-2021} covers the period {@code 2018-2021}. */
    public static String evaluationRound(String campaignId) {
        Objects.requireNonNull(campaignId);
        int dash = campaignId.indexOf('-');
        return dash >= 0 ? campaignId.substring(dash + 1) : campaignId;
    }

    /**
     * The year of a campaign's reference date, its last year: {@code alf-2018-2021} gives {@code 2021},
     * {@code research-2021} gives {@code 2021}.
     */
    public static String referenceYear(String campaignId) {
        String round = evaluationRound(campaignId);
        int dash = round.lastIndexOf('-');
        return dash >= 0 ? round.substring(dash + 1) : round;
    }
}
