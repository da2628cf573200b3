package se.alfmonitor.contract.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.EventCodec;
import se.alfmonitor.contract.events.PoisonEventException;
import se.alfmonitor.contract.events.Topic;

/**
 * The idempotent consumer: an event's effect and the record that it was processed commit in one transaction, so a
 * redelivered event (after a rebalance, a crash or a relay re-send) has no second effect.
 *
 * <p>Failures are sorted in two kinds. A transient one (the database is restarting, a lock or serialization
 * conflict) is retried with backoff, holding the partition so order is kept. Anything else, and a transient failure
 * that outlasts {@code alf.inbox.max-retry}, propagates, and the connector's dead-letter strategy parks the message on
 * {@code <topic>.dlq} with the reason in its headers while the stream goes on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EventCodec codec;
    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final Duration maxRetry;

    public Inbox(EventCodec codec, EntityManager entityManager, MeterRegistry meters,
            @ConfigProperty(name = "alf.inbox.max-retry", defaultValue = "PT2M") Duration maxRetry) {
        this.codec = codec;
        this.entityManager = entityManager;
        this.meters = meters;
        this.maxRetry = maxRetry;
    }

    /**
     * Processes one record value from {@code topic} exactly once for {@code consumer}.
     *
     * @return true if the handler ran, false if the event had already been processed
     * @throws PoisonEventException if the value is not a valid event of the topic
     */
    public <T> boolean process(String consumer, Topic topic, String value, Class<T> dataType,
            Consumer<CloudEvent<T>> handler) {
        CloudEvent<T> event = codec.read(value, topic, dataType);
        UUID eventId = parseId(event);
        long started = System.nanoTime();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                boolean processed = QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, eventId, event.type())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                meters.counter("alf.inbox.events", "consumer", consumer, "result", processed ? "processed" : "duplicate")
                        .increment();
                return processed;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() - started > maxRetry.toNanos()) {
                    meters.counter("alf.inbox.events", "consumer", consumer, "result", "failed").increment();
                    throw e;
                }
                LOG.warnf("Transient failure processing %s %s, retrying in %s: %s", topic.topicName(), eventId,
                        backoff, rootMessage(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private boolean markProcessed(String consumer, UUID eventId, String type) {
        return entityManager.createNativeQuery("""
                insert into inbox_event (consumer, event_id, event_type, processed_at)
                values (:consumer, :eventId, :type, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }

    private static UUID parseId(CloudEvent<?> event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("CloudEvent id is not a UUID: " + event.id(), e);
        }
    }

    /** Whether retrying the same message later can succeed. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception, 40: transaction rollback (serialization, deadlock),
                // 53: insufficient resources, 57P: operator intervention (server restarting)
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
