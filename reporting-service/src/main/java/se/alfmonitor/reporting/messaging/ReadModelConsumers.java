package se.alfmonitor.reporting.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.Topic;

/** Keeps the read models in step with the three topics, once per event. */
@ApplicationScoped
public class ReadModelConsumers {

    private final ReadModelUpdater updater;

    public ReadModelConsumers(ReadModelUpdater updater) {
        this.updater = updater;
    }

    @Incoming("units")
    @Blocking
    public void onUnit(String value) {
        updater.apply(Topic.UNITS, value);
    }

    @Incoming("assessments")
    @Blocking
    public void onAssessment(String value) {
        updater.apply(Topic.ASSESSMENTS, value);
    }

    @Incoming("indicators")
    @Blocking
    public void onIndicator(String value) {
        updater.apply(Topic.INDICATORS, value);
    }
}
