package se.alfmonitor.indicator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alf.indicators")
public interface IndicatorConfig {

    /** Class-path resource of the catalogue version in force. */
    @WithDefault("indicators/catalogue-v1.json")
    String catalogue();

    /**
     * How many years before a period reference statistics may be taken from when the period's own year has none
     * (the published CF-01 used a 2017 incidence and a 2019 population for a 2020 snapshot).
     */
    @WithDefault("5")
    int referenceLookbackYears();

    /**
     * How often the roll-up worker looks for marked aggregates besides being woken by each marking commit (marks
     * left by another instance or before a restart).
     */
    @WithDefault("PT1S")
    java.time.Duration rollUpPollInterval();

    /**
     * The smallest number of responding units whose unit-derived indicator values (those with a {@code groupSize} in
     * the catalogue) are shown to callers who may not see units; smaller groups are served as suppressed.
     */
    @WithDefault("3")
    int minimumGroup();

    /** Most values one feed page returns. */
    @WithDefault("1000")
    int feedMaxLimit();
}
