package se.alfmonitor.indicator.values;

import java.util.Set;

/** Aggregation levels: unit, region, the seven ALF regions together, and the nation. */
public enum OrgUnitLevel {
    UNIT,
    REGION,
    ALF,
    NATION;

    public static final String NATION_ID = "SE";
    public static final String ALF_ID = "ALF";
    /** The seven regions with a university hospital under the ALF agreement. */
    public static final Set<String> ALF_REGIONS = Set.of("01", "03", "05", "12", "14", "18", "24");
    /** Sweden's 21 regions (länskod). */
    public static final Set<String> REGIONS = Set.of("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13",
            "14", "17", "18", "19", "20", "21", "22", "23", "24", "25");
}
