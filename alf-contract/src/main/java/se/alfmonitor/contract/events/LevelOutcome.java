package se.alfmonitor.contract.events;

/** The outcome of one minimum level for one unit. */
public enum LevelOutcome {
    MET,
    NOT_MET,
    /** Automatic pass: the level or the part of it does not apply to the unit. Counts as fulfilled. */
    NOT_APPLICABLE,
    /** A free-text example awaits an assessor's decision. Counts as not fulfilled until approved. */
    PENDING_REVIEW;

    public boolean fulfilled() {
        return this == MET || this == NOT_APPLICABLE;
    }
}
