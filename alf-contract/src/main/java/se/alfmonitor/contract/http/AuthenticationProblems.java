package se.alfmonitor.contract.http;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A missing, expired or forged bearer token is refused by the HTTP security layer before any resource runs, with an
 * empty 401 of its own. This answers it as problem+json like every other error, keeping the bearer challenge.
 */
@ApplicationScoped
public class AuthenticationProblems {

    static final String BODY = "{\"type\":\"urn:alf-monitor:problem:unauthenticated\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"A valid bearer token is required\",\"code\":\"UNAUTHENTICATED\"}";

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(rc -> {
            Throwable failure = rc.failure();
            boolean unauthenticated = failure instanceof AuthenticationFailedException
                    || failure instanceof UnauthorizedException
                    || failure instanceof AuthenticationCompletionException
                    || (failure == null && rc.statusCode() == 401);
            if (!unauthenticated || rc.response().headWritten()) {
                rc.next();
                return;
            }
            rc.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .putHeader("Content-Type", "application/problem+json")
                    .end(Buffer.buffer(BODY));
        });
    }
}
