package se.alfmonitor.contract.http;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an over-long request body with a problem+json 413 instead of the HTTP layer's empty one, so a client sees
 * the same error format from every service and every endpoint, including those that take no body. It runs before Quarkus' own size check (which stays in place
 * for bodies sent without a Content-Length) and drains the body before answering, because clients that are still
 * writing a body would otherwise see a reset connection instead of the answer.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** A body larger than this is not drained but cut off by closing the connection. */
    private static final long MAX_DRAIN = 64L * 1024 * 1024;

    private final Optional<MemorySize> limit;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void register(@Observes Filters filters) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        // priority 100 runs before Quarkus' own check (route order -2)
        filters.register(rc -> check(rc, max), 100);
    }

    private static void check(RoutingContext rc, long max) {
        String length = rc.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= max) {
            rc.next();
            return;
        }
        String body = "{\"type\":\"urn:alf-monitor:problem:payload-too-large\",\"title\":\"Payload too large\","
                + "\"status\":413,\"detail\":\"The request body of " + declared + " bytes exceeds the limit of " + max
                + " bytes; split a bulk import into several requests\",\"code\":\"PAYLOAD_TOO_LARGE\"}";
        HttpServerRequest request = rc.request();
        if (declared > MAX_DRAIN) {
            rc.response().putHeader("Connection", "close");
            send(rc, body);
            rc.response().close();
            return;
        }
        if (request.isEnded()) {
            send(rc, body);
            return;
        }
        request.handler(ignored -> {
        });
        request.endHandler(ignored -> send(rc, body));
        request.resume();
    }

    private static void send(RoutingContext rc, String body) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(413)
                .putHeader("Content-Type", "application/problem+json")
                .end(Buffer.buffer(body));
    }
}
