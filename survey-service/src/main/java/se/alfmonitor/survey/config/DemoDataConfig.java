package se.alfmonitor.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alf.demo-data")
public interface DemoDataConfig {

    /** Registers the demo unit registry and submits demo answers at startup (environment ALF_DEMO_DATA). */
    @WithDefault("false")
    boolean enabled();

    /** Seed of the deterministic pseudo-random answers. */
    @WithDefault("2021")
    long seed();
}
