package se.alfmonitor.contract.messaging;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.EventCodec;
import se.alfmonitor.contract.events.Topic;

/**
 * The transactional outbox: a service records an event in the transaction of the change it describes, so the
 * change and its event commit together or not at all. {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;
    private final String source;

    public Outbox(EventCodec codec, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
            EntityManager entityManager, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.source = "/alf-monitor/" + applicationName;
    }

    /** One event of {@link #publishAll}: its record key, CloudEvents subject and data. */
    public record Pending<T>(String key, String subject, T data) {
    }

    /**
     * Records an event for publication once the current transaction commits.
     *
     * @param key the record key, which decides the partition and so the order consumers see
     * @param subject the CloudEvents subject, the id of what the event is about
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent<T> publish(Topic topic, String key, String subject, T data) {
        CloudEvent<T> event = CloudEvent.create(source, topic, subject, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic.topicName();
        row.key = key;
        row.type = event.type();
        row.payload = codec.write(event);
        row.createdAt = Instant.now();
        row.persist();
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * {@link #publish} for many events of one topic in one JDBC batch: the rows are never read back in this
     * transaction, so they need no entity and no generated id each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent<T>> publishAll(Topic topic, List<Pending<T>> events) {
        List<CloudEvent<T>> published = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return published;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                    + " (event_id, topic, event_key, event_type, payload, created_at, attempts)"
                    + " values (?, ?, ?, ?, ?, ?, 0)")) {
                for (Pending<T> pending : events) {
                    CloudEvent<T> event = CloudEvent.create(source, topic, pending.subject(), pending.data());
                    insert.setObject(1, UUID.fromString(event.id()));
                    insert.setString(2, topic.topicName());
                    insert.setString(3, pending.key());
                    insert.setString(4, event.type());
                    insert.setString(5, codec.write(event));
                    insert.setObject(6, now);
                    insert.addBatch();
                    published.add(event);
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return published;
    }

    /**
     * {@link #publishAll} for events whose data has one large member a row of the database holds already: each
     * event is written with {@code data.<member>} set by the database to the jsonb {@code column} of the row of
     * {@code table} whose {@code id} is given, so that the value never travels through the service and back. The
     * events' own data should leave {@code member} null.
     *
     * @param rowIds the id of the row holding each event's member, in the order of {@code events}
     * @param table a table name of the caller's schema (not input: it becomes part of the statement)
     * @param column the jsonb column of {@code table} (likewise)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent<T>> publishAllWithStoredMember(Topic topic, List<Pending<T>> events,
            List<Long> rowIds, String table, String column, String member) {
        if (events.size() != rowIds.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + rowIds.size() + " row ids");
        }
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("Not an identifier: " + table + "." + column);
        }
        List<CloudEvent<T>> published = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return published;
        }
        UUID[] ids = new UUID[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        String type = null;
        for (int i = 0; i < events.size(); i++) {
            Pending<T> pending = events.get(i);
            CloudEvent<T> event = CloudEvent.create(source, topic, pending.subject(), pending.data());
            ids[i] = UUID.fromString(event.id());
            keys[i] = pending.key();
            payloads[i] = codec.write(event);
            type = event.type();
            published.add(event);
        }
        String eventType = type;
        int inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            // one statement; the rows keep the order of the events, as their ids are drawn in that order
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                    + " (event_id, topic, event_key, event_type, payload, created_at, attempts)"
                    + " select e.event_id, ?, e.event_key, ?,"
                    + " jsonb_set(cast(e.payload as jsonb), array['data', ?], s." + column + ")::text, ?, 0"
                    + " from unnest(?, ?, ?, ?) with ordinality as e(event_id, event_key, payload, row_id, ord)"
                    + " join " + table + " s on s.id = e.row_id order by e.ord")) {
                insert.setString(1, topic.topicName());
                insert.setString(2, eventType);
                insert.setString(3, member);
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setArray(5, connection.createArrayOf("uuid", ids));
                insert.setArray(6, connection.createArrayOf("text", keys));
                insert.setArray(7, connection.createArrayOf("text", payloads));
                insert.setArray(8, connection.createArrayOf("bigint", rowIds.toArray()));
                return insert.executeUpdate();
            }
        });
        if (inserted != events.size()) {
            throw new IllegalStateException(inserted + " of " + events.size() + " events found their row in " + table);
        }
        wakeRelayAfterCommit();
        return published;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
