package se.alfmonitor.reporting.messaging;

import java.util.concurrent.CompletionStage;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.reporting.persistence.ReadModelStore;

/**
 * Applies one record of the three topics to the read models, once per event id. The live consumers and the rebuild
 * go through here alike, so a rebuild gives the state the live consumers would have reached.
 */
@ApplicationScoped
public class ReadModelUpdater {

    /** The consumer name in the inbox; a rebuild forgets exactly these rows. */
    public static final String CONSUMER = "reporting";

    private final Inbox inbox;
    private final ReadModelStore store;

    public ReadModelUpdater(Inbox inbox, ReadModelStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    /** @return whether the event was new */
    public boolean apply(Topic topic, String value) {
        return switch (topic) {
            case UNITS -> inbox.process(CONSUMER, topic, value, UnitChanged.class, e -> store.apply(e.data()));
            case ASSESSMENTS -> inbox.process(CONSUMER, topic, value, AssessmentCompleted.class,
                    e -> store.apply(e.data()));
            case INDICATORS -> inbox.process(CONSUMER, topic, value, IndicatorComputed.class,
                    e -> store.apply(e.data()));
            default -> throw new IllegalArgumentException("reporting-service does not read " + topic.topicName());
        };
    }

    /** The indicator records of one poll, each event once, in one transaction. */
    public CompletionStage<Void> applyIndicators(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(CONSUMER, Topic.INDICATORS, batch, IndicatorComputed.class,
                events -> events.forEach(e -> store.apply(e.data())));
    }
}
