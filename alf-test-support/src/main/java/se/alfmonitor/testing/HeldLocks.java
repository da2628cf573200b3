package se.alfmonitor.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.alfmonitor.contract.locking.KeyedLocks;

/**
 * Holds the transactions that take a given lock ({@link KeyedLocks}) at the point where they hold it, before they
 * read what it guards, until the test releases them: so that a second request on the same thing arrives while the
 * first is in the middle of its work. Inert for keys nobody asked to hold. A bean of every service's tests.
 */
@ApplicationScoped
public class HeldLocks {

    /** One hold: every transaction reaching it (or only the next one) waits there until released, or fails there. */
    public static final class Hold implements AutoCloseable {
        private final KeyedLocks.Key key;
        private final boolean onlyNext;
        private final RuntimeException failure;
        private final AtomicInteger arrivals = new AtomicInteger();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(KeyedLocks.Key key, boolean onlyNext, RuntimeException failure) {
            this.key = key;
            this.onlyNext = onlyNext;
            this.failure = failure;
        }

        /** Until a transaction holds the lock and waits here. */
        public void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("No transaction took the lock of " + key + " within 30 s");
            }
        }

        /** How many transactions have reached the point (a second one only if nothing made it wait before). */
        public int arrivals() {
            return arrivals.get();
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            HOLDS.remove(key, this);
        }
    }

    private static final Map<KeyedLocks.Key, Hold> HOLDS = new ConcurrentHashMap<>();

    /** Holds every transaction that takes the lock of {@code key} until released. */
    public static Hold hold(KeyedLocks.Key key) {
        return put(new Hold(key, false, null));
    }

    /** Holds the next transaction that takes the lock of {@code key} until released; later ones go on. */
    public static Hold holdNext(KeyedLocks.Key key) {
        return put(new Hold(key, true, null));
    }

    /** Makes every transaction that takes the lock of {@code key} fail there. */
    public static Hold fail(KeyedLocks.Key key) {
        return put(new Hold(key, false, new IllegalStateException("Injected failure: the database went away")));
    }

    private static Hold put(Hold hold) {
        HOLDS.put(hold.key, hold);
        return hold;
    }

    void onHeld(@Observes KeyedLocks.Held held) throws InterruptedException {
        for (KeyedLocks.Key key : held.keys()) {
            Hold hold = HOLDS.get(key);
            if (hold == null || (hold.onlyNext && !HOLDS.remove(key, hold))) {
                continue;
            }
            hold.arrivals.incrementAndGet();
            hold.reached.countDown();
            if (hold.failure != null) {
                throw hold.failure;
            }
            if (!hold.released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A held transaction was not released within 60 s");
            }
        }
    }
}
