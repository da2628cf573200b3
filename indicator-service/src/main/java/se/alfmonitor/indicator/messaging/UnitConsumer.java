package se.alfmonitor.indicator.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.indicators.ResponseRates;

/** Keeps the unit registry the response rate (ALF-05) counts against, once per event. */
@ApplicationScoped
public class UnitConsumer {

    private final Inbox inbox;
    private final ResponseRates responseRates;

    public UnitConsumer(Inbox inbox, ResponseRates responseRates) {
        this.inbox = inbox;
        this.responseRates = responseRates;
    }

    @Incoming("units")
    @Blocking
    public void onUnit(String value) {
        inbox.process("indicator", Topic.UNITS, value, UnitChanged.class, event -> responseRates.onUnitChanged(
                event.data()));
    }
}
