package se.alfmonitor.indicator.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.domain.SubmissionIndicators;

/** Recomputes the indicators a submitted questionnaire (unit or regional) feeds, once per event. */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    private final Inbox inbox;
    private final SubmissionIndicators indicators;

    public SubmissionConsumer(Inbox inbox, SubmissionIndicators indicators) {
        this.inbox = inbox;
        this.indicators = indicators;
    }

    @Incoming("submissions")
    @Blocking
    public void onSubmission(String value) {
        long started = System.nanoTime();
        inbox.process("indicator", Topic.SUBMISSIONS, value, SubmissionSubmitted.class,
                event -> indicators.onSubmission(event.data()));
        LOG.debugf("Processed a %s in %d ms", "submission", (System.nanoTime() - started) / 1_000_000);
    }
}
