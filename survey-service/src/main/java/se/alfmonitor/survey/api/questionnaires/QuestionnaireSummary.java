package se.alfmonitor.survey.api.questionnaires;

import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;

/** An entry of {@code GET /api/questionnaires}; {@code title} is the Swedish title. */
public record QuestionnaireSummary(String key, String version, String title, String titleEn,
        QuestionnaireLevel level, String status) {
}
