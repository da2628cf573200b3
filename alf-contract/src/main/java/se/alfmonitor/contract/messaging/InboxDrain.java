package se.alfmonitor.contract.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops consuming cleanly when the service shuts down. Quarkus closes the database connections after the shutdown
 * observers have run, whether or not a consumer is still processing a record; such a record then fails with a closed
 * session, and its channel's dead-letter strategy would park a perfectly good event. So, first of all shutdown
 * observers, every incoming channel declared {@code pausable} stops handing records to its consumer, and the
 * records being processed are given {@code alf.inbox.drain-timeout} to commit. A record handed over just before the
 * pause may still be waiting for a worker thread, so the drain ends only after no call has begun for a second. What
 * was not handed over is not acknowledged, and the broker delivers it again after the restart.
 */
@ApplicationScoped
public class InboxDrain {

    private static final Logger LOG = Logger.getLogger(InboxDrain.class);
    /** How long no call may have begun before the consumers count as stopped. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final ChannelRegistry channels;
    private final Inbox inbox;
    private final Duration timeout;

    public InboxDrain(ChannelRegistry channels, Inbox inbox,
            @ConfigProperty(name = "alf.inbox.drain-timeout", defaultValue = "PT20S") Duration timeout) {
        this.channels = channels;
        this.inbox = inbox;
        this.timeout = timeout;
    }

    void drain(@Observes @Priority(1) ShutdownEvent event) {
        List<String> paused = new ArrayList<>();
        for (String channel : channels.getIncomingNames()) {
            if (channels.getEmitterNames().contains(channel)) {
                // an emitter's channel (the outbox relay's), which the service itself feeds
                continue;
            }
            PausableChannel pausable = channels.getPausable(channel);
            if (pausable == null) {
                LOG.warnf("Incoming channel %s is not pausable; records may still arrive while the service stops",
                        channel);
            } else {
                pausable.pause();
                paused.add(channel);
            }
        }
        LOG.infof("Consumers paused (%s); waiting for %d events in flight", String.join(", ", paused),
                inbox.inFlight());
        try {
            if (!inbox.awaitIdle(QUIET, timeout)) {
                LOG.warnf("Events still being processed after %s; they are delivered again after the restart",
                        timeout);
            } else {
                LOG.info("No events in flight; consumers stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
