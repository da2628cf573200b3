package se.alfmonitor.contract.messaging;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
     * {@link #publishAll} for events whose outbox rows refer to data the service stores already instead of holding
     * a copy of it: each row keeps its envelope as given and the reference, and the service's {@link OutboxPayloads}
     * bean of {@code kind} finishes the event when the relay publishes it.
     *
     * @param references the reference of each event, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent<T>> publishAllReferring(Topic topic, List<Pending<T>> events, String kind,
            List<Long> references) {
        if (events.size() != references.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + references.size() + " references");
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("A reference needs a kind");
        }
        Envelopes<T> envelopes = envelopes(topic, events);
        insert(topic, envelopes, new References(kind, references.toArray()));
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

    /** What the events' rows refer to: see {@link #publishAllReferring}. */
    private record References(String kind, Object[] references) {
    }

    /**
     * Inserts the rows of {@code envelopes} in one statement, in their order (their ids are drawn in that order), and
     * wakes the relay after commit.
     *
     * @param references what each event's row refers to, or null for events that hold all their data
     */
    private void insert(Topic topic, Envelopes<?> envelopes, References references) {
        if (envelopes.events().isEmpty()) {
            return;
        }
        String statement = "insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at,"
                + " attempts, payload_kind, payload_ref) select e.event_id, ?, e.event_key, ?, e.payload, ?, 0, ?, e.ref"
                + " from unnest(?, ?, ?, ?) with ordinality as e(event_id, event_key, payload, ref, ord)"
                + " order by e.ord";
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(statement)) {
                insert.setString(1, topic.topicName());
                insert.setString(2, topic.eventType());
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(4, references == null ? null : references.kind());
                insert.setArray(5, connection.createArrayOf("uuid", envelopes.ids()));
                insert.setArray(6, connection.createArrayOf("text", envelopes.keys()));
                insert.setArray(7, connection.createArrayOf("text", envelopes.payloads()));
                insert.setArray(8, connection.createArrayOf("bigint",
                        references == null ? new Object[envelopes.ids().length] : references.references()));
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
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
