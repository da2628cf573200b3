package se.alfmonitor.contract.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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
    private static final byte[] CONTENT_TYPE = CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private final Emitter<byte[]> emitter;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Duration retention;
    private final boolean enabled;
    private final Counter published;
    private final Counter failed;
    private final Map<String, OutboxPayloads> payloads = new HashMap<>();

    private final WakeableWorker worker;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> emitter,
            EntityManager entityManager,
            ObjectMapper json,
            MeterRegistry meters,
            Instance<OutboxPayloads> payloads,
            @ConfigProperty(name = "alf.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "alf.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "alf.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval,
            @ConfigProperty(name = "alf.outbox.send-timeout", defaultValue = "PT30S") Duration sendTimeout,
            @ConfigProperty(name = "alf.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.json = json;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        this.published = meters.counter("alf.outbox.published");
        this.failed = meters.counter("alf.outbox.failed");
        payloads.forEach(kind -> {
            if (this.payloads.put(kind.kind(), kind) != null) {
                throw new IllegalStateException("Two OutboxPayloads beans of kind " + kind.kind());
            }
        });
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
     * An unpublished row as the relay sends it: the payload as the UTF-8 bytes stored, never decoded, unless the row
     * refers to stored data ({@code kind} and {@code reference}, {@link Outbox#publishAllReferring}) and its
     * {@link OutboxPayloads} has not finished it yet.
     */
    private record Row(long id, String topic, String key, byte[] payload, String kind, long reference) {

        Row finished(byte[] event) {
            return new Row(id, topic, key, event, null, 0);
        }
    }

    /**
     * Publishes one batch of unpublished rows in commit order. The rows are read and marked by plain JDBC, the
     * payloads handed to the producer as the bytes the database holds: events of several kB each are neither
     * decoded nor encoded again, nor kept by the session. Rows that refer to stored data are finished by the
     * service's {@link OutboxPayloads} of their kind.
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
            Session session = entityManager.unwrap(Session.class);
            Map<Long, String> errors = new LinkedHashMap<>();
            List<Row> batch = session.doReturningWork(
                    connection -> finished(connection, unpublished(connection), errors));
            if (batch.isEmpty() && errors.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (Row row : batch) {
                acks.add(send(row));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            List<Long> acknowledged = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Row row = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(row.id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    errors.put(row.id(), truncate(String.valueOf(e.getCause() != null ? e.getCause() : e)));
                    failed.increment();
                }
            }
            session.doWork(connection -> mark(connection, acknowledged, errors));
            published.increment(acknowledged.size());
            if (!errors.isEmpty()) {
                LOG.warnf("Outbox relay: %d events not sent or not acknowledged; they will be sent again",
                        errors.size());
            }
            return acknowledged.size();
        });
    }

    /** The next batch of unpublished rows in commit order. */
    private List<Row> unpublished(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, topic, event_key, payload,"
                + " payload_kind, payload_ref from outbox_event where published_at is null order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // the text column's bytes as the server sent them: UTF-8, the driver's client encoding
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                            rs.getString(5), rs.getLong(6)));
                }
            }
        }
        return rows;
    }

    /**
     * The rows with those that refer to stored data finished by their kind's {@link OutboxPayloads}, one call per
     * kind. A row that is not finished is left out with an error, and so are the rows after it with the same key,
     * which must not overtake it.
     */
    private List<Row> finished(Connection connection, List<Row> rows, Map<Long, String> errors) {
        Map<String, List<OutboxPayloads.Referring>> byKind = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.kind() != null) {
                byKind.computeIfAbsent(row.kind(), k -> new ArrayList<>())
                        .add(new OutboxPayloads.Referring(row.id(), row.payload(), row.reference()));
            }
        }
        if (byKind.isEmpty()) {
            return rows;
        }
        Map<Long, byte[]> events = new HashMap<>();
        Map<String, String> kindErrors = new HashMap<>();
        byKind.forEach((kind, referring) -> {
            OutboxPayloads finisher = payloads.get(kind);
            if (finisher == null) {
                kindErrors.put(kind, "no OutboxPayloads bean of kind " + kind + " in this service");
                return;
            }
            try {
                events.putAll(finisher.finish(connection, referring));
            } catch (IOException | SQLException | RuntimeException e) {
                kindErrors.put(kind, String.valueOf(e));
            }
        });
        List<Row> complete = new ArrayList<>(rows.size());
        Set<String> held = new HashSet<>();
        for (Row row : rows) {
            String key = row.topic() + '\u0000' + row.key();
            if (held.contains(key)) {
                errors.put(row.id(), "held back behind an earlier event of the same key that could not be sent");
                continue;
            }
            if (row.kind() == null) {
                complete.add(row);
                continue;
            }
            byte[] event = events.get(row.id());
            if (event == null) {
                held.add(key);
                errors.put(row.id(), truncate(kindErrors.getOrDefault(row.kind(),
                        "not finished by the OutboxPayloads of kind " + row.kind() + " (reference " + row.reference()
                                + ")")));
                failed.increment();
                continue;
            }
            complete.add(row.finished(event));
        }
        return complete;
    }

    /** The acknowledged rows published, in one statement; each failed one's attempt and error recorded. */
    private static void mark(Connection connection, List<Long> acknowledged, Map<Long, String> errors)
            throws SQLException {
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set published_at = ? where id = any (?)")) {
                update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("bigint", acknowledged.toArray()));
                update.executeUpdate();
            }
        }
        if (!errors.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")) {
                for (Map.Entry<Long, String> error : errors.entrySet()) {
                    update.setString(1, error.getValue());
                    update.setLong(2, error.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CONTENT_TYPE);
        Message<byte[]> message = Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic())
                        .withKey(row.key())
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
