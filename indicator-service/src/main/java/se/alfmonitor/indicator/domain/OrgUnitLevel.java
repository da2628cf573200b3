package se.alfmonitor.indicator.domain;

/** Aggregation levels: unit, region, the seven ALF regions together, and the nation. */
public enum OrgUnitLevel {
    UNIT,
    REGION,
    ALF,
    NATION;

    public static final String NATION_ID = "SE";
    public static final String ALF_ID = "ALF";
}
