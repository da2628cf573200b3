package se.alfmonitor.reporting.api;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

/**
 * Server-sent events when a read model changes, so dashboards refetch instead of polling. A stream ends when the token
 * that opened it expires: the token was checked once, when the stream opened, and a stream must not outlive it. The
 * dashboard then opens the next stream with its renewed token and catches up.
 */
@Path("/api/stream")
@Tag(name = "Live updates", description = "Server-sent events when the read models change")
public class StreamResource {

    private final ChangeBroadcaster changes;
    private final Duration heartbeat;

    private final JsonWebToken token;

    public StreamResource(ChangeBroadcaster changes, DashboardConfig config, JsonWebToken token) {
        this.changes = changes;
        this.heartbeat = config.streamHeartbeat();
        this.token = token;
    }

    /**
     * Events {@code compliance} (data: campaign id), {@code indicator} (data: indicator code) and {@code unit} (data:
     * region code), plus a {@code ping} now and then so that proxies keep an idle stream open; the stream ends when
     * the caller's token expires.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Live updates", description = "Server-sent events compliance (data: campaign id), indicator "
            + "(data: indicator code) and unit (data: region code), and ping now and then; the stream ends when the "
            + "token that opened it expires, and the client reopens it with its renewed token.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING,
            description = "event: <name> and data: <text> per event")))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> events = changes.changes()
                .map(c -> sse.newEventBuilder().name(c.name()).data(String.class, c.data())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(heartbeat)
                .map(t -> sse.newEventBuilder().name("ping").data(String.class, "")
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).build());
        return Multi.createBy().merging().streams(events, pings).select().first(untilExpiry());
    }

    /** How long the token that opens the stream is still valid (a token without expiry: one heartbeat). */
    private Duration untilExpiry() {
        long expiresAt = token.getExpirationTime();
        if (expiresAt <= 0) {
            return heartbeat;
        }
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
