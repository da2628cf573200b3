package se.alfmonitor.reporting.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.reporting.persistence.ReadModelStore;

/** Keeps the read models in step with the three topics, once per event. */
@ApplicationScoped
public class ReadModelConsumers {

    private final Inbox inbox;
    private final ReadModelStore store;

    public ReadModelConsumers(Inbox inbox, ReadModelStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    @Incoming("units")
    @Blocking
    public void onUnit(String value) {
        inbox.process("reporting", Topic.UNITS, value, UnitChanged.class, e -> store.apply(e.data()));
    }

    @Incoming("assessments")
    @Blocking
    public void onAssessment(String value) {
        inbox.process("reporting", Topic.ASSESSMENTS, value, AssessmentCompleted.class, e -> store.apply(e.data()));
    }

    @Incoming("indicators")
    @Blocking
    public void onIndicator(String value) {
        inbox.process("reporting", Topic.INDICATORS, value, IndicatorComputed.class, e -> store.apply(e.data()));
    }
}
