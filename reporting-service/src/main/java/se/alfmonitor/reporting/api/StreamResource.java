package se.alfmonitor.reporting.api;

import java.time.Duration;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.config.DashboardConfig;
import se.alfmonitor.reporting.stream.ChangeBroadcaster;

/** Server-sent events when a read model changes, so dashboards refetch instead of polling. */
@Path("/api/stream")
public class StreamResource {

    private final ChangeBroadcaster changes;
    private final Duration heartbeat;

    public StreamResource(ChangeBroadcaster changes, DashboardConfig config) {
        this.changes = changes;
        this.heartbeat = config.streamHeartbeat();
    }

    /**
     * Events {@code compliance} (data: campaign id), {@code indicator} (data: indicator code) and {@code unit} (data:
     * region code), plus a {@code ping} now and then so that proxies keep an idle stream open.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> events = changes.changes()
                .map(c -> sse.newEventBuilder().name(c.name()).data(String.class, c.data())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(heartbeat)
                .map(t -> sse.newEventBuilder().name("ping").data(String.class, "")
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).build());
        return Multi.createBy().merging().streams(events, pings);
    }
}
