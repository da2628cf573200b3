package se.alfmonitor.indicator.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.domain.IndicatorService;

/** Recomputes the indicators an assessment affects, once per event. */
@ApplicationScoped
public class AssessmentConsumer {

    private final Inbox inbox;
    private final IndicatorService indicators;

    public AssessmentConsumer(Inbox inbox, IndicatorService indicators) {
        this.inbox = inbox;
        this.indicators = indicators;
    }

    @Incoming("assessments")
    @Blocking
    public void onAssessment(String value) {
        inbox.process("indicator", Topic.ASSESSMENTS, value, AssessmentCompleted.class,
                event -> indicators.onAssessment(event.data()));
    }
}
