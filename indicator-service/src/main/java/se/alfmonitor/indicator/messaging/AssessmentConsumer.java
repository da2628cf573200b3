package se.alfmonitor.indicator.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.indicators.AssessmentIndicators;

/**
 * Recomputes the indicators assessments affect, once per event, for the records of one poll together: under a burst
 * (a re-assessment publishes one event per unit) a transaction carries hundreds of events, not one. A record that
 * cannot be processed is parked on {@code alf.assessments.v1.dlq} on its own; the rest of its batch goes on.
 */
@ApplicationScoped
public class AssessmentConsumer {

    private final Inbox inbox;
    private final AssessmentIndicators indicators;

    public AssessmentConsumer(Inbox inbox, AssessmentIndicators indicators) {
        this.inbox = inbox;
        this.indicators = indicators;
    }

    @Incoming("assessments")
    @Blocking
    public CompletionStage<Void> onAssessments(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch("indicator", Topic.ASSESSMENTS, batch, AssessmentCompleted.class,
                events -> indicators.onAssessments(events.stream().map(CloudEvent::data).toList()));
    }
}
