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
     * {@link #publish} for many events of one topic in one statement: the rows are never read back in this
     * transaction, so they need no entity and no generated id each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent<T>> publishAll(Topic topic, List<Pending<T>> events) {
        Envelopes<T> envelopes = envelopes(topic, events);
        insert(topic, envelopes, null);
        return envelopes.events();
    }

    /**
     * {@link #publishAll} for events whose data has one large member a row of the database holds already: each
     * event's row in the outbox refers to the row of {@code table} whose {@code id} is given, and {@link OutboxRelay}
     * sets {@code data.<member>} to that row's JSON {@code column} (or to what a {@link StoredMemberReader} for
     * {@code table.column} reads) when it publishes the event. The value is neither sent through the service and
     * back nor stored a second time. The events' own data should leave
     * {@code member} null, and the referenced rows must never change (a re-sent event must be the same event).
     *
     * @param rowIds the id of the row holding each event's member, in the order of {@code events}
     * @param table a table name of the caller's schema (not input: the relay puts it into a statement)
     * @param column the JSON column of {@code table} (likewise)
     * @throws IllegalStateException if a row id is not found in {@code table}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent<T>> publishAllWithStoredMember(Topic topic, List<Pending<T>> events,
            List<Long> rowIds, String table, String column, String member) {
        if (events.size() != rowIds.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + rowIds.size() + " row ids");
        }
        if (!isIdentifier(table) || !isIdentifier(column)) {
            throw new IllegalArgumentException("Not an identifier: " + table + "." + column);
        }
        Envelopes<T> envelopes = envelopes(topic, events);
        insert(topic, envelopes, new StoredMember(member, table, column, rowIds.toArray()));
        return envelopes.events();
    }

    /** Events of one topic with their envelopes written, as the columns of their outbox rows. */
    private record Envelopes<T>(List<CloudEvent<T>> events, UUID[] ids, String[] keys, String[] payloads) {
    }

    private <T> Envelopes<T> envelopes(Topic topic, List<Pending<T>> events) {
        List<CloudEvent<T>> created = new ArrayList<>(events.size());
        UUID[] ids = new UUID[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Pending<T> pending = events.get(i);
            CloudEvent<T> event = CloudEvent.create(source, topic, pending.subject(), pending.data());
            ids[i] = UUID.fromString(event.id());
            keys[i] = pending.key();
            payloads[i] = codec.write(event);
            created.add(event);
        }
        return new Envelopes<>(created, ids, keys, payloads);
    }

    /** Where the events' data member is stored: see {@link #publishAllWithStoredMember}. */
    private record StoredMember(String member, String table, String column, Object[] rowIds) {
    }

    /**
     * Inserts the rows of {@code envelopes} in one statement, in their order (their ids are drawn in that order), and
     * wakes the relay after commit.
     *
     * @param stored where each event's stored member is, or null for events that hold all their data
     */
    private void insert(Topic topic, Envelopes<?> envelopes, StoredMember stored) {
        if (envelopes.events().isEmpty()) {
            return;
        }
        String columns = "event_id, topic, event_key, event_type, payload, created_at, attempts";
        String values = "e.event_id, ?, e.event_key, ?, e.payload, ?, 0";
        String statement = stored == null
                ? "insert into outbox_event (" + columns + ") select " + values
                        + " from unnest(?, ?, ?) with ordinality as e(event_id, event_key, payload, ord)"
                        + " order by e.ord"
                // the join finds each referenced row by its key only: the member itself is not read here
                : "insert into outbox_event (" + columns + ", stored_member, stored_table, stored_column,"
                        + " stored_row_id) select " + values + ", ?, ?, ?, s.id"
                        + " from unnest(?, ?, ?, ?) with ordinality as e(event_id, event_key, payload, row_id, ord)"
                        + " join " + stored.table() + " s on s.id = e.row_id order by e.ord";
        int inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(statement)) {
                int p = 1;
                insert.setString(p++, topic.topicName());
                insert.setString(p++, topic.eventType());
                insert.setObject(p++, OffsetDateTime.now(ZoneOffset.UTC));
                if (stored != null) {
                    insert.setString(p++, stored.member());
                    insert.setString(p++, stored.table());
                    insert.setString(p++, stored.column());
                }
                insert.setArray(p++, connection.createArrayOf("uuid", envelopes.ids()));
                insert.setArray(p++, connection.createArrayOf("text", envelopes.keys()));
                insert.setArray(p++, connection.createArrayOf("text", envelopes.payloads()));
                if (stored != null) {
                    insert.setArray(p, connection.createArrayOf("bigint", stored.rowIds()));
                }
                return insert.executeUpdate();
            }
        });
        if (inserted != envelopes.events().size()) {
            throw new IllegalStateException(inserted + " of " + envelopes.events().size() + " events found their row"
                    + (stored == null ? "" : " in " + stored.table()));
        }
        wakeRelayAfterCommit();
    }

    /** Whether {@code name} may stand in a statement as a table or column name. */
    static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
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
