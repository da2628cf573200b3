package se.alfmonitor.assessment.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alf.assessment")
public interface AssessmentConfig {

    /** The rule set files under {@code rule-sets/} on the class path; every one is compiled at startup. */
    List<String> ruleSets();

    /** Campaign id to the date by which every unmet level must be remedied. */
    Map<String, LocalDate> remediationDue();

    /** How many units one transaction re-assesses when a rule set is published. */
    @WithDefault("200")
    int reassessBatchSize();
}
