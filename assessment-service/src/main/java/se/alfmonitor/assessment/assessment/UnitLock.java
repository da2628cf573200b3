package se.alfmonitor.assessment.assessment;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One lock per unit and campaign, held until the transaction ends. Every path that makes a new assessment version
 * takes it before it reads the unit's latest version: a submitted revision, an assessor's decision, a site-visit
 * override and its withdrawal, a rule set publication and a repair. So any two of them on one unit end as if they
 * had come one after the other.
 *
 * <p>A transaction-scoped PostgreSQL advisory lock on a key of the unit and campaign, not a row lock on the latest
 * version: that row is replaced by the very version it guards, and a transaction that waited for it would find it no
 * longer latest and the new version outside its view, and read no version at all. Two units whose keys collide only
 * wait for each other. A batch takes its units' locks in the order of their keys in one round trip
 * ({@code alf_lock_units}, V6), so batches and single paths never wait in a circle; after the lock every statement
 * of the transaction sees what the previous holder committed (read committed).
 */
@ApplicationScoped
public class UnitLock {

    /** The first key of every unit lock, apart from the other advisory locks of the database (the outbox relay's). */
    static final int NAMESPACE = 0x414c4655;

    private final EntityManager entityManager;
    private final Event<Held> held;

    public UnitLock(EntityManager entityManager, Event<Held> held) {
        this.entityManager = entityManager;
        this.held = held;
    }

    /** A unit and campaign. */
    public record Unit(String unitId, String campaignId) {
    }

    /**
     * Fired synchronously, on the locking thread, once the locks of {@code units} are held. Nothing in the service
     * observes it; the concurrency tests do, to hold a transaction at the point where it holds a unit's lock while
     * another one arrives.
     */
    public record Held(List<Unit> units) {
    }

    /** Waits for, then holds until the transaction ends, the lock of one unit in one campaign. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String unitId, String campaignId) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, ?2) as text)")
                .setParameter(1, NAMESPACE)
                .setParameter(2, key(unitId, campaignId))
                .getSingleResult();
        held.fire(new Held(List.of(new Unit(unitId, campaignId))));
    }

    /** As {@link #lock} for many units, in the order of their keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Unit> units) {
        if (units.isEmpty()) {
            return;
        }
        TreeSet<Integer> keys = new TreeSet<>();
        units.forEach(u -> keys.add(key(u.unitId(), u.campaignId())));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select alf_lock_units(?, ?)")) {
                lock.setInt(1, NAMESPACE);
                lock.setArray(2, connection.createArrayOf("integer", keys.toArray()));
                lock.execute();
            }
        });
        held.fire(new Held(List.copyOf(units)));
    }

    /** A stable 32-bit key of a unit and campaign (String's hash is specified by the language). */
    static int key(String unitId, String campaignId) {
        return (unitId + '\u0000' + campaignId).hashCode();
    }
}
