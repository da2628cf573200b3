package se.alfmonitor.assessment.assessment;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.locking.KeyedLocks;

/**
 * One lock per unit and campaign, held until the transaction ends. Every path that makes a new assessment version
 * takes it before it reads the unit's latest version: a submitted revision, an assessor's decision, a site-visit
 * override and its withdrawal, a rule set publication and a repair. So any two of them on one unit end as if they
 * had come one after the other.
 *
 * <p>An advisory lock ({@link KeyedLocks}) on a key of the unit and campaign, not a row lock on the latest version:
 * that row is replaced by the very version it guards, and a transaction that waited for it would find it no longer
 * latest and the new version outside its view, and read no version at all. A batch takes its units' locks in one
 * round trip, in the order {@code KeyedLocks} gives, so batches and single paths never wait in a circle.
 */
@ApplicationScoped
public class UnitLock {

    /** The namespace of every unit lock, apart from the other advisory locks of the database (the outbox relay's). */
    static final int NAMESPACE = 0x414c4655;

    private final KeyedLocks locks;

    public UnitLock(KeyedLocks locks) {
        this.locks = locks;
    }

    /** A unit and campaign. */
    public record Unit(String unitId, String campaignId) {
    }

    /** The key of a unit's lock: its parts are the unit id, then the campaign id. */
    public static KeyedLocks.Key key(String unitId, String campaignId) {
        return KeyedLocks.Key.of(NAMESPACE, unitId, campaignId);
    }

    /** Waits for, then holds until the transaction ends, the lock of one unit in one campaign. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String unitId, String campaignId) {
        locks.lock(key(unitId, campaignId));
    }

    /** As {@link #lock} for many units. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Unit> units) {
        locks.lockAll(units.stream().map(u -> key(u.unitId(), u.campaignId())).toList());
    }
}
