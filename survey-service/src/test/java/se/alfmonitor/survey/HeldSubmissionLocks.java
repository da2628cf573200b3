package se.alfmonitor.survey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.alfmonitor.survey.persistence.SubmissionLock;

/**
 * Holds the transactions that take a given unit's submission lock at the point where they hold it (before they read
 * the submission), until the test releases them, so that a second request on the unit arrives while the first is in
 * the middle of its work. Inert for units nobody asked to hold.
 */
@ApplicationScoped
public class HeldSubmissionLocks {

    /** One hold: every transaction reaching it waits there until released. */
    public static final class Hold implements AutoCloseable {
        private final SubmissionLock.Held key;
        private final RuntimeException failure;
        private final AtomicInteger arrivals = new AtomicInteger();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(SubmissionLock.Held key, RuntimeException failure) {
            this.key = key;
            this.failure = failure;
        }

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

    private static final Map<SubmissionLock.Held, Hold> HOLDS = new ConcurrentHashMap<>();

    /** Holds every transaction that takes the lock of {@code unitId} in {@code campaignId} until released. */
    public static Hold hold(String campaignId, String unitId) {
        return put(new Hold(new SubmissionLock.Held(campaignId, unitId), null));
    }

    /** Makes every transaction that takes the lock of {@code unitId} in {@code campaignId} fail there. */
    public static Hold fail(String campaignId, String unitId) {
        return put(new Hold(new SubmissionLock.Held(campaignId, unitId),
                new IllegalStateException("Injected failure: the database went away")));
    }

    private static Hold put(Hold hold) {
        HOLDS.put(hold.key, hold);
        return hold;
    }

    void onHeld(@Observes SubmissionLock.Held held) throws InterruptedException {
        Hold hold = HOLDS.get(held);
        if (hold == null) {
            return;
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
