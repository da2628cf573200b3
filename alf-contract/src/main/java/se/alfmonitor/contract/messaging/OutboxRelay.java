package se.alfmonitor.contract.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import se.alfmonitor.contract.events.CloudEvent;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published once the broker has acknowledged
 * them. Delivery is at least once: a row whose acknowledgement is lost is sent again, and consumers drop the
 * duplicate by event id.
 *
 * <p>Exactly one relay per database publishes at a time: each batch runs under a transaction-scoped PostgreSQL
 * advisory lock, so several instances of a service can run side by side without reordering a unit's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x414c465f4f555458L; // "ALF_OUTX"
    private static final String CHANNEL = "alf-outbox";

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Duration retention;
    private final boolean enabled;
    private final Counter published;
    private final Counter failed;

    private final WakeableWorker worker;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
            EntityManager entityManager,
            MeterRegistry meters,
            @ConfigProperty(name = "alf.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "alf.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "alf.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval,
            @ConfigProperty(name = "alf.outbox.send-timeout", defaultValue = "PT30S") Duration sendTimeout,
            @ConfigProperty(name = "alf.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        this.published = meters.counter("alf.outbox.published");
        this.failed = meters.counter("alf.outbox.failed");
        // a full batch is followed by the next one at once; otherwise the relay waits for a commit's wake-up
        this.worker = new WakeableWorker("outbox-relay", () -> {
            int sent = publishBatch();
            removePublishedRowsPastRetention();
            return sent >= batchSize ? Duration.ZERO : pollInterval;
        }, pollInterval, Duration.ofSeconds(30));
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Outbox relay disabled");
            return;
        }
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop(sendTimeout);
    }

    /** Asks the relay to look for new rows now instead of at its next poll. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /**
     * Publishes one batch of unpublished rows in commit order.
     *
     * @return how many rows were acknowledged by the broker
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", ADVISORY_LOCK_KEY)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> batch = entityManager
                    .createQuery("from OutboxEvent where publishedAt is null order by id", OutboxEvent.class)
                    .setMaxResults(batchSize)
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                acks.add(send(row));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            int acknowledged = 0;
            Instant now = Instant.now();
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent row = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    row.publishedAt = now;
                    acknowledged++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    row.attempts++;
                    row.lastError = truncate(String.valueOf(e.getCause() != null ? e.getCause() : e));
                    failed.increment();
                }
            }
            published.increment(acknowledged);
            if (acknowledged < batch.size()) {
                LOG.warnf("Outbox relay: %d of %d events not acknowledged; they will be sent again",
                        batch.size() - acknowledged, batch.size());
            }
            return acknowledged;
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic)
                        .withKey(row.key)
                        .withHeaders(headers)
                        .build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void removePublishedRowsPastRetention() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).toMinutes() < 10) {
            return;
        }
        lastCleanup = now;
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from OutboxEvent where publishedAt < :before")
                .setParameter("before", now.minus(retention))
                .executeUpdate());
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
