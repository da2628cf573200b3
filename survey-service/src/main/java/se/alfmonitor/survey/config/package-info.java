/**
 * Configuration: {@code SurveyConfig} ({@code alf.survey.*}), {@code DemoDataConfig} ({@code alf.demo-data.*}) and
 * the producer of the {@code questionnaire.QuestionnaireRegistry} from the configured definitions.
 */
package se.alfmonitor.survey.config;
