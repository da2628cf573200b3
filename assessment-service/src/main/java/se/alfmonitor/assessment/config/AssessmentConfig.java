package se.alfmonitor.assessment.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alf.assessment")
public interface AssessmentConfig {

    /** The rule set files under {@code rule-sets/} on the class path; every one is compiled at startup. */
    List<String> ruleSets();

    /**
     * A directory whose {@code *.json} rule set files are compiled at startup next to the shipped ones, so that an
     * operator can make a new rule set version available for publication without a new release of the service.
     */
    Optional<Path> ruleSetDirectory();

    /** Campaign id to the date by which every unmet level must be remedied. */
    Map<String, LocalDate> remediationDue();

    /** How many units one transaction re-assesses when a rule set is published. */
    @WithDefault("200")
    int reassessBatchSize();

    /** How many of those transactions run at once; rule evaluation is CPU work, so about the number of cores. */
    @WithDefault("2")
    int reassessParallelism();

    /**
     * How often the service checks its assessments' invariant ({@code ConsistencyCheck}), as the scheduler reads it
     * ({@code 60s}, {@code 5m}); {@code off} never.
     */
    @WithDefault("10m")
    String consistencyCheckInterval();

    /** How long after start the first check runs. */
    @WithDefault("30s")
    String consistencyCheckDelay();
}
