package se.alfmonitor.survey.units;

/** Who runs the care of a unit on behalf of the designating ALF region. */
public enum Provider {
    OWN_REGION,
    OTHER_REGION,
    MUNICIPALITY,
    PRIVATE_COMPANY
}
