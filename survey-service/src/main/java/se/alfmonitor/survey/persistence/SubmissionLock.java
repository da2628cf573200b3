package se.alfmonitor.survey.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * One lock per unit and campaign, held until the transaction ends. Every write of a submission takes it before it
 * reads the submission's current state: a draft created or saved, a submit, an amendment, a return, and each row of
 * a bulk import (which reads the state to decide between those). So any two writes on one unit's submission end as
 * if they had come one after the other, and a unit's second submission is seen by the check for one before it is
 * stored.
 *
 * <p>A transaction-scoped PostgreSQL advisory lock on a key of campaign and unit, not a row lock: a unit's first
 * submission has no row to lock yet, and two creators of it would each find none. After the lock every statement of
 * the transaction sees what the previous holder committed (read committed). Two units whose keys collide only wait
 * for each other.
 */
@ApplicationScoped
public class SubmissionLock {

    /** The first key of every submission lock, apart from the other advisory locks of the database (the relay's). */
    static final int NAMESPACE = 0x414c4653;

    /**
     * Fired synchronously, on the locking thread, once the lock of a unit in a campaign is held and before anything
     * of its submission is read. Nothing in the service observes it; the concurrency tests do, to hold a request at
     * that point while another one arrives.
     */
    public record Held(String campaignId, String unitId) {
    }

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Held> held;

    public SubmissionLock(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            Event<Held> held) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.held = held;
    }

    /** Waits for, then holds until the transaction ends, the lock of one unit in one campaign; once per transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String campaignId, String unitId) {
        Held lock = new Held(campaignId, unitId);
        if (transactions.getResource(lock) != null) {
            return;
        }
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, ?2) as text)")
                .setParameter(1, NAMESPACE)
                .setParameter(2, key(campaignId, unitId))
                .getSingleResult();
        transactions.putResource(lock, Boolean.TRUE);
        held.fire(lock);
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

    /** A stable 32-bit key of a campaign and unit (String's hash is specified by the language; any id is hashable). */
    static int key(String campaignId, String unitId) {
        return (campaignId + '\u0000' + unitId).hashCode();
    }
}
