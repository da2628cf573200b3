package se.alfmonitor.survey.api.questionnaires;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;

/** An entry of {@code GET /api/questionnaires}; {@code title} is the Swedish title. */
public record QuestionnaireSummary(String key, String version, String title, String titleEn,
        QuestionnaireLevel level,
        @Schema(enumeration = "PUBLISHED", description = "Only published definitions are served; a change is a new "
                + "version") String status) {
}
