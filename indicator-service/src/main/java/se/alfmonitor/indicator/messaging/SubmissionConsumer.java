package se.alfmonitor.indicator.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.indicators.SubmissionIndicators;

/**
 * Recomputes the indicators submitted questionnaires (unit and regional) feed, for the records of one poll together:
 * a region's bulk import or a campaign's deadline brings hundreds of submissions at once, and each would otherwise
 * cost a transaction and its own study computation. A record that cannot be processed is parked on
 * {@code alf.submissions.v1.dlq} on its own; the rest of its batch goes on.
 */
@ApplicationScoped
public class SubmissionConsumer {

    private final Inbox inbox;
    private final SubmissionIndicators indicators;

    public SubmissionConsumer(Inbox inbox, SubmissionIndicators indicators) {
        this.inbox = inbox;
        this.indicators = indicators;
    }

    @Incoming("submissions")
    @Blocking
    public CompletionStage<Void> onSubmissions(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch("indicator", Topic.SUBMISSIONS, batch, SubmissionSubmitted.class,
                events -> indicators.onSubmissions(events.stream().map(CloudEvent::data).toList()));
    }
}
