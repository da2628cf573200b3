/**
 * The published questionnaires as data: {@code QuestionnaireRegistry} reads the definitions from the class path once
 * (the only reader of that format in this service) and refuses an inconsistent one; {@code QuestionnaireDefinition},
 * {@code Section}, {@code Item}, {@code Option}, {@code EnabledWhen} model them; {@code AnswerValidator} is the one
 * place that decides whether answers fit a definition. Uses only {@code persistence.StorableText}, for the rule on
 * storable text.
 */
package se.alfmonitor.survey.questionnaire;
