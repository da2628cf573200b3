package se.alfmonitor.survey.questionnaire;

/** The item types of the contract, plus DATE for table columns (ISO yyyy-mm-dd). */
public enum ItemType {
    SINGLE_CHOICE,
    MULTI_CHOICE,
    INTEGER,
    YEARLY_INTEGER,
    YEARLY_CHOICE,
    TEXT,
    DATE,
    GROUP,
    TABLE
}
