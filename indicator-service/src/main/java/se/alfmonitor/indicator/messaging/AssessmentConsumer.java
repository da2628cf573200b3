package se.alfmonitor.indicator.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.domain.AssessmentIndicators;

/**
 * Recomputes the indicators assessments affect, once per event, for the records of one poll together: under a burst
 * (a re-assessment publishes one event per unit) a transaction carries hundreds of events, not one. A record that
 * cannot be processed is parked on {@code alf.assessments.v1.dlq} on its own; the rest of its batch goes on.
 */
@ApplicationScoped
public class AssessmentConsumer {

    private static final Logger LOG = Logger.getLogger(AssessmentConsumer.class);

    private final Inbox inbox;
    private final AssessmentIndicators indicators;

    public AssessmentConsumer(Inbox inbox, AssessmentIndicators indicators) {
        this.inbox = inbox;
        this.indicators = indicators;
    }

    @Incoming("assessments")
    @Blocking
    public CompletionStage<Void> onAssessments(KafkaRecordBatch<String, String> batch) {
        long started = System.nanoTime();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Inbox.Failed> failed = inbox.processBatch("indicator", Topic.ASSESSMENTS,
                records.stream().map(Message::getPayload).toList(), AssessmentCompleted.class,
                events -> indicators.onAssessments(events.stream().map(CloudEvent::data).toList()));
        LOG.debugf("Processed %d assessments in %d ms", records.size(), (System.nanoTime() - started) / 1_000_000);
        CompletionStage<Void> parked = CompletableFuture.completedFuture(null);
        for (Inbox.Failed f : failed) {
            KafkaRecord<String, String> record = records.get(f.index());
            LOG.warnf("Parking the %s record with key %s (partition %d) on the dead-letter topic: %s",
                    record.getTopic(), record.getKey(), record.getPartition(), f.cause().getMessage());
            parked = parked.thenCompose(v -> record.nack(f.cause()));
        }
        return parked.thenCompose(v -> batch.ack());
    }
}
