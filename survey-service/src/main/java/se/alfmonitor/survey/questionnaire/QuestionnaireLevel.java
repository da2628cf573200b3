package se.alfmonitor.survey.questionnaire;

/** Who answers a questionnaire: each unit (USVE), or each ALF region as a whole. */
public enum QuestionnaireLevel {
    UNIT,
    REGION
}
