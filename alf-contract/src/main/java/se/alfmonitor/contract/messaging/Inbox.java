package se.alfmonitor.contract.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
    /** Calls processing events now; {@link #awaitIdle} waits for none. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Calls that have begun processing events, ever: {@link #awaitIdle} tells a quiet time by it. */
    private final AtomicLong started = new AtomicLong();
    private final Object idle = new Object();

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
        return inFlight(() -> process(consumer, topic, event, parseId(event), handler));
    }

    /** An event of a batch that was not processed, and why: the caller parks it on the dead-letter topic. */
    public record Failed(int index, RuntimeException cause) {
    }

    /**
     * Processes a batch of record values from {@code topic} exactly once each for {@code consumer}: the events not
     * processed before are handed to {@code handler} together, in their order, in one transaction with the record
     * that they were processed, so a batch costs one commit instead of one per event.
     *
     * <p>A value that is not a valid event of the topic is left out and reported. If the batch fails for another
     * reason than a transient one, its events are processed again one by one ({@link #process}), so that one bad
     * event does not hold up the others; the ones that fail on their own are reported. A transient failure is retried
     * with backoff as in {@link #process}; one that outlasts {@code alf.inbox.max-retry} fails the whole batch.
     *
     * @return the events that were not processed, by their index in {@code values}
     */
    public <T> List<Failed> processBatch(String consumer, Topic topic, List<String> values, Class<T> dataType,
            Consumer<List<CloudEvent<T>>> handler) {
        return inFlight(() -> processBatchNow(consumer, topic, values, dataType, handler));
    }

    private <T> List<Failed> processBatchNow(String consumer, Topic topic, List<String> values, Class<T> dataType,
            Consumer<List<CloudEvent<T>>> handler) {
        List<Failed> failed = new ArrayList<>();
        Map<UUID, Integer> indexes = new LinkedHashMap<>();
        Map<UUID, CloudEvent<T>> events = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                CloudEvent<T> event = codec.read(values.get(i), topic, dataType);
                UUID eventId = parseId(event);
                // the same event twice in a batch (a relay sending again) is processed once
                if (events.putIfAbsent(eventId, event) == null) {
                    indexes.put(eventId, i);
                } else {
                    meters.counter("alf.inbox.events", "consumer", consumer, "result", "duplicate").increment();
                }
            } catch (PoisonEventException e) {
                meters.counter("alf.inbox.events", "consumer", consumer, "result", "failed").increment();
                failed.add(new Failed(i, e));
            }
        }
        if (events.isEmpty()) {
            return failed;
        }
        try {
            int processed = inTransactionRetrying("a batch of " + events.size() + " " + topic.topicName() + " events",
                    () -> {
                        Set<UUID> fresh = markProcessed(consumer, events);
                        handler.accept(events.entrySet().stream().filter(e -> fresh.contains(e.getKey()))
                                .map(Map.Entry::getValue).toList());
                        return fresh.size();
                    });
            meters.counter("alf.inbox.events", "consumer", consumer, "result", "processed").increment(processed);
            meters.counter("alf.inbox.events", "consumer", consumer, "result", "duplicate")
                    .increment(events.size() - processed);
            return failed;
        } catch (RuntimeException e) {
            if (isTransient(e) || events.size() == 1) {
                meters.counter("alf.inbox.events", "consumer", consumer, "result", "failed").increment(events.size());
                indexes.values().forEach(i -> failed.add(new Failed(i, e)));
                failed.sort(Comparator.comparingInt(Failed::index));
                return failed;
            }
            LOG.warnf("A batch of %d %s events failed, processing them one by one: %s", events.size(),
                    topic.topicName(), rootMessage(e));
            for (Map.Entry<UUID, CloudEvent<T>> event : events.entrySet()) {
                try {
                    process(consumer, topic, event.getValue(), event.getKey(), one -> handler.accept(List.of(one)));
                } catch (RuntimeException single) {
                    failed.add(new Failed(indexes.get(event.getKey()), single));
                }
            }
            failed.sort(Comparator.comparingInt(Failed::index));
            return failed;
        }
    }

    /**
     * {@link #processBatch} for the records of one poll (a channel with {@code batch=true}): each record that was not
     * processed is nacked on its own, which parks it on the channel's dead-letter topic, and then the batch is acked.
     *
     * @return completes when the batch has been settled with the broker
     */
    public <T> CompletionStage<Void> processBatch(String consumer, Topic topic, KafkaRecordBatch<String, String> batch,
            Class<T> dataType, Consumer<List<CloudEvent<T>>> handler) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Failed> failed = processBatch(consumer, topic, records.stream().map(Message::getPayload).toList(),
                dataType, handler);
        CompletionStage<Void> parked = CompletableFuture.completedFuture(null);
        for (Failed f : failed) {
            KafkaRecord<String, String> record = records.get(f.index());
            LOG.warnf("Parking the %s record with key %s (partition %d) on the dead-letter topic: %s",
                    record.getTopic(), record.getKey(), record.getPartition(), rootMessage(f.cause()));
            parked = parked.thenCompose(v -> record.nack(f.cause()));
        }
        return parked.thenCompose(v -> batch.ack());
    }

    /**
     * Waits until no call is processing events and none has started for {@code quiet}, for at most {@code timeout}:
     * at shutdown, after the consumers have stopped taking new records ({@link InboxDrain}), so that what is being
     * processed commits before the database goes away instead of failing half-way and being parked on a dead-letter
     * topic. The quiet time covers a record handed to a consumer just before it stopped whose call has not begun yet
     * (it waits for a worker thread).
     *
     * @return true if none is processing events
     */
    public boolean awaitIdle(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long startedBefore = started.get();
            synchronized (idle) {
                while (inFlight.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    idle.wait(Math.max(1, left / 1_000_000));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return inFlight.get() == 0;
            }
            Thread.sleep(Math.min(quiet.toMillis(), Math.max(1, left / 1_000_000)));
            if (started.get() == startedBefore && inFlight.get() == 0) {
                return true;
            }
        }
    }

    /** How many calls are processing events now. */
    public int inFlight() {
        return inFlight.get();
    }

    private <R> R inFlight(Supplier<R> work) {
        started.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            return work.get();
        } finally {
            if (inFlight.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private <T> boolean process(String consumer, Topic topic, CloudEvent<T> event, UUID eventId,
            Consumer<CloudEvent<T>> handler) {
        try {
            boolean processed = inTransactionRetrying(topic.topicName() + " " + eventId, () -> {
                if (!markProcessed(consumer, Map.of(eventId, event)).contains(eventId)) {
                    return false;
                }
                handler.accept(event);
                return true;
            });
            meters.counter("alf.inbox.events", "consumer", consumer, "result", processed ? "processed" : "duplicate")
                    .increment();
            return processed;
        } catch (RuntimeException e) {
            meters.counter("alf.inbox.events", "consumer", consumer, "result", "failed").increment();
            throw e;
        }
    }

    /**
     * Runs {@code work} in a new transaction, again with backoff while it fails transiently, for at most
     * {@code alf.inbox.max-retry}; any other failure, or the last transient one, propagates.
     */
    private <R> R inTransactionRetrying(String what, Callable<R> work) {
        long started = System.nanoTime();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() - started > maxRetry.toNanos()) {
                    throw e;
                }
                LOG.warnf("Transient failure processing %s, retrying in %s: %s", what, backoff, rootMessage(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Records the events as processed, in one statement; returns the ones not recorded before. */
    private Set<UUID> markProcessed(String consumer, Map<UUID, ? extends CloudEvent<?>> events) {
        UUID[] ids = events.keySet().toArray(UUID[]::new);
        String[] types = events.values().stream().map(CloudEvent::type).toArray(String[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (consumer, event_id, event_type, processed_at)
                    select ?, e.id, e.type, now() from unnest(?, ?) as e(id, type)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("text", types));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
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
