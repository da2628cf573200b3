package se.alfmonitor.indicator.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.domain.AssessmentIndicators;

/** Recomputes the indicators an assessment affects, once per event. */
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
    public void onAssessment(String value) {
        long started = System.nanoTime();
        inbox.process("indicator", Topic.ASSESSMENTS, value, AssessmentCompleted.class,
                event -> indicators.onAssessment(event.data()));
        LOG.debugf("Processed a %s in %d ms", "assessment", (System.nanoTime() - started) / 1_000_000);
    }
}
