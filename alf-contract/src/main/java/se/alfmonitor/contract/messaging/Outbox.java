package se.alfmonitor.contract.messaging;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
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
    private final String source;

    public Outbox(EventCodec codec, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
        this.source = "/alf-monitor/" + applicationName;
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
