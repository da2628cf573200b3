package se.alfmonitor.survey.questionnaire;

/**
 * The item types of the contract, plus DATE for table columns (ISO yyyy-mm-dd) and REFERENCE (the key of a row of
 * a TABLE item of the same answer set, such as a document of a document register).
 */
public enum ItemType {
    SINGLE_CHOICE,
    MULTI_CHOICE,
    INTEGER,
    YEARLY_INTEGER,
    YEARLY_CHOICE,
    TEXT,
    REFERENCE,
    DATE,
    GROUP,
    TABLE
}
