package se.alfmonitor.reporting.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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

    /**
     * Indicator values come in bursts (an assessment changes tens of them, a re-assessment of every unit millions):
     * the records of one poll are applied in one transaction; a record that cannot be applied is parked alone.
     */
    @Incoming("indicators")
    @Blocking
    public CompletionStage<Void> onIndicators(KafkaRecordBatch<String, String> batch) {
        return updater.applyIndicators(batch);
    }
}
