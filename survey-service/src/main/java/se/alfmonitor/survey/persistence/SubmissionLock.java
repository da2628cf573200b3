package se.alfmonitor.survey.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.locking.KeyedLocks;

/**
 * One lock per unit and campaign, held until the transaction ends. Every write of a submission takes it before it
 * reads the submission's current state: a draft created or saved, a submit, an amendment, a return, and each row of
 * a bulk import (which reads the state to decide between those). So any two writes on one unit's submission end as
 * if they had come one after the other, and a unit's second submission is seen by the check for one before it is
 * stored.
 *
 * <p>An advisory lock ({@link KeyedLocks}) on a key of campaign and unit, not a row lock: a unit's first submission
 * has no row to lock yet, and two creators of it would each find none.
 */
@ApplicationScoped
public class SubmissionLock {

    /** The namespace of every submission lock, apart from the other advisory locks of the database (the relay's). */
    static final int NAMESPACE = 0x414c4653;

    private final EntityManager entityManager;
    private final KeyedLocks locks;

    public SubmissionLock(EntityManager entityManager, KeyedLocks locks) {
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /** The key of a unit's submission lock: its parts are the campaign id, then the unit id. */
    public static KeyedLocks.Key key(String campaignId, String unitId) {
        return KeyedLocks.Key.of(NAMESPACE, campaignId, unitId);
    }

    /** Waits for, then holds until the transaction ends, the lock of one unit in one campaign; once per transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String campaignId, String unitId) {
        locks.lock(key(campaignId, unitId));
    }

    /**
     * The submission, read (and its row locked) after its unit's lock was taken; null if there is none. A
     * submission's campaign and unit never change, so reading them before the lock is safe.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubmissionEntity lockExisting(UUID id) {
        List<Object[]> keys = entityManager.createQuery(
                "select s.campaignId, s.unitId from SubmissionEntity s where s.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (keys.isEmpty()) {
            return null;
        }
        lock((String) keys.get(0)[0], (String) keys.get(0)[1]);
        return entityManager.find(SubmissionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
