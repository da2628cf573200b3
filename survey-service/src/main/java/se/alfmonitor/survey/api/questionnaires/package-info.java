/**
 * {@code /api/questionnaires}: {@code QuestionnaireResource} serves the published definitions from the
 * {@code questionnaire} registry as they were published, and {@code QuestionnaireSummary}, an entry of the list.
 */
package se.alfmonitor.survey.api.questionnaires;
