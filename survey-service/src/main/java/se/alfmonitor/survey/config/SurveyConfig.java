package se.alfmonitor.survey.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "alf.survey")
public interface SurveyConfig {

    /** Class-path resources of the published questionnaire definitions. */
    @WithDefault("questionnaires/alf-usve-2021.json,questionnaires/regional-research-2021.json,"
            + "questionnaires/alf-region-2021.json,questionnaires/region-governance-2021.json")
    List<String> questionnaires();

    /** Most rows (submissions) accepted in one bulk import; the body size limit applies as well. */
    @WithDefault("2000")
    int importMaxRows();

    /** Largest page of {@code GET /api/submissions}. */
    @WithDefault("500")
    int maxPageSize();
}
