package se.alfmonitor.reporting.stream;

/**
 * A read model changed. Announced inside the transaction that changed it and passed on to dashboards only once that
 * transaction has committed, so a dashboard that refetches on the event reads the new state.
 *
 * @param name the server-sent event name: {@code compliance}, {@code indicator} or {@code unit}
 * @param data the campaign id, the indicator code, or the region code of the unit
 */
public record ReadModelChanged(String name, String data) {

    public static ReadModelChanged compliance(String campaignId) {
        return new ReadModelChanged("compliance", campaignId);
    }

    public static ReadModelChanged indicator(String indicator) {
        return new ReadModelChanged("indicator", indicator);
    }

    /** Units are named by region only: the stream is open to viewers, who see aggregates only. */
    public static ReadModelChanged unit(String regionCode) {
        return new ReadModelChanged("unit", regionCode);
    }
}
