package se.alfmonitor.reporting.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Fans committed read-model changes out to every open stream. */
@ApplicationScoped
public class ChangeBroadcaster {

    private static final int BUFFER = 1000;

    private final BroadcastProcessor<ReadModelChanged> processor = BroadcastProcessor.create();
    // the three consumers commit on their own threads; the serialized view keeps onNext calls from overlapping
    private final SerializedProcessor<ReadModelChanged, ReadModelChanged> input = processor.serialized();

    /**
     * Only after success: a rolled-back change must not make dashboards refetch, and a refetch before the commit
     * would read the old state.
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadModelChanged change) {
        input.onNext(change);
    }

    /**
     * Changes from now on. A subscriber that falls more than {@value #BUFFER} events behind has its stream ended
     * rather than holding memory; the dashboard reconnects and refetches everything.
     */
    public Multi<ReadModelChanged> changes() {
        return processor.onOverflow().buffer(BUFFER).onFailure().recoverWithCompletion();
    }
}
