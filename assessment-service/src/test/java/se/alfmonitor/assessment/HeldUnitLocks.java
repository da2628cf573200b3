package se.alfmonitor.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.alfmonitor.assessment.assessment.UnitLock;

/**
 * Holds the next transaction that takes a given unit's lock at the point where it holds it, until the test releases
 * it, so that a second request on the unit arrives while the first is in the middle of its work. Inert for units
 * nobody asked to hold.
 */
@ApplicationScoped
public class HeldUnitLocks {

    /** One hold: reached once the locking thread holds the lock; it goes on once released. */
    public static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        public void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("No transaction took the unit's lock within 30 s");
            }
        }

        public void release() {
            released.countDown();
        }
    }

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    /** Holds the next transaction that takes the lock of {@code unitId}. */
    public static Hold holdNext(String unitId) {
        Hold hold = new Hold();
        HOLDS.put(unitId, hold);
        return hold;
    }

    void onHeld(@Observes UnitLock.Held held) throws InterruptedException {
        for (UnitLock.Unit unit : held.units()) {
            Hold hold = HOLDS.remove(unit.unitId());
            if (hold != null) {
                hold.reached.countDown();
                if (!hold.released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("A held transaction was not released within 60 s");
                }
            }
        }
    }
}
