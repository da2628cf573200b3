package se.alfmonitor.contract.messaging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A background thread that works in rounds: after each round it waits until it is woken ({@link #wakeUp}, e.g. by a
 * commit that left work) or until the wait the round asked for has passed. A round that fails is logged and tried
 * again after a backoff that doubles up to {@code maxBackoff}; a successful round resets it. Stopping ends a wait at
 * once and lets a round in progress finish (the thread is not interrupted, so a round never loses a connection or
 * an acknowledgement half way).
 */
public final class WakeableWorker {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /**
         * @return how long to wait for a wake-up before the next round; zero to start it at once
         * @throws InterruptedException when the worker is being stopped
         */
        Duration run() throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(WakeableWorker.class);

    private final String name;
    private final Round round;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name the thread's name, also in the log when a round fails
     * @param firstBackoff the wait after a first failed round
     */
    public WakeableWorker(String name, Round round, Duration firstBackoff, Duration maxBackoff) {
        this.name = name;
        this.round = round;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread: a wait or pause ends at once, a round in progress is given {@code timeout} to finish. */
    public synchronized void stop(Duration timeout) {
        running = false;
        stopped.countDown();
        wakeUps.release();
        if (thread == null) {
            return;
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** Starts the next round now instead of at the end of the current wait. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Whether a wake-up has arrived since the current round began (work came in while it ran). */
    public boolean wakeUpPending() {
        return wakeUps.availablePermits() > 0;
    }

    public boolean running() {
        return running;
    }

    /**
     * For a round: pauses the thread for {@code duration}, which wake-ups do not shorten (only stopping does).
     *
     * @return false if the worker is being stopped
     */
    public boolean pause(Duration duration) throws InterruptedException {
        return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS) && running;
    }

    private void loop() {
        Duration backoff = firstBackoff;
        while (running) {
            try {
                Duration wait = round.run();
                backoff = firstBackoff;
                if (!wait.isZero() && !wait.isNegative()) {
                    wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s: a round failed, retrying in %s: %s", name, backoff, e.getMessage());
                try {
                    if (!pause(backoff)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }
}
