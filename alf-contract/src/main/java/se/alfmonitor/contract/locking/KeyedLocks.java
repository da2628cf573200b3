package se.alfmonitor.contract.locking;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Transaction-scoped PostgreSQL advisory locks on keys a service derives from what it guards, for paths that read
 * "the latest" of something and write its next version. A lock is held until the transaction ends, so it cannot be
 * released under its holder, and it needs no row: it guards the first version of a thing as well as a row that is
 * replaced by the very version it guards. After the lock every statement of the transaction sees what the previous
 * holder committed (read committed).
 *
 * <p>A key is a namespace (one per kind of thing, apart from the other advisory locks of the database) and the
 * 32-bit hash of its parts; two things whose hashes collide only wait for each other. A key is taken once per
 * transaction; many keys are taken in one round trip in the order of their hashes, so two transactions taking
 * overlapping sets never wait for each other in a circle.
 */
@ApplicationScoped
public class KeyedLocks {

    /** What one lock guards: a namespace and the parts (such as unit and campaign ids) of one thing in it. */
    public record Key(int namespace, List<String> parts) {

        public Key {
            parts = List.copyOf(parts);
        }

        public static Key of(int namespace, String... parts) {
            return new Key(namespace, List.of(parts));
        }

        /** The second key of the advisory lock: a stable hash of the parts (String's hash is specified by the language). */
        public int hash() {
            return String.join("\u0000", parts).hashCode();
        }

        /** The part at {@code index}. */
        public String part(int index) {
            return parts.get(index);
        }
    }

    /**
     * Fired synchronously, on the locking thread, once the locks of {@code keys} are held and before the holder reads
     * what they guard. Nothing in a service observes it; concurrency tests do, to hold a transaction there while
     * another one arrives.
     */
    public record Held(List<Key> keys) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::namespace).thenComparingInt(Key::hash);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Held> held;

    public KeyedLocks(EntityManager entityManager, TransactionSynchronizationRegistry transactions, Event<Held> held) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.held = held;
    }

    /** Waits for, then holds until the transaction ends, the lock of {@code key}; a second call in it does nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Key key) {
        lockAll(List.of(key));
    }

    /** As {@link #lock} for many keys, taken in the order of their namespaces and hashes in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Key> keys) {
        List<Key> wanted = keys.stream().filter(k -> transactions.getResource(k) == null).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        List<Key> ordered = wanted.stream().sorted(ORDER).toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            // The arrays are in lock order; unnest yields their elements in that order, and the locks follow it.
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(k.namespace, k.hash)"
                    + " from unnest(?::integer[], ?::integer[]) with ordinality as k(namespace, hash, n) order by k.n")) {
                lock.setArray(1, connection.createArrayOf("integer", ordered.stream().map(Key::namespace).toArray()));
                lock.setArray(2, connection.createArrayOf("integer", ordered.stream().map(Key::hash).toArray()));
                lock.execute();
            }
        });
        ordered.forEach(k -> transactions.putResource(k, Boolean.TRUE));
        held.fire(new Held(ordered));
    }
}
