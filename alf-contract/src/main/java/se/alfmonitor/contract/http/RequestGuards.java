package se.alfmonitor.contract.http;

import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;

/**
 * Refuses requests before any resource sees them when no endpoint could handle them sensibly:
 * <ul>
 * <li>a NUL character ({@code %00}) in the path or the query string: PostgreSQL cannot compare or store it, so a
 * lookup by such an id would fail instead of finding nothing (400 {@code INVALID_CHARACTER});</li>
 * <li>a body without a {@code Content-Type}: the endpoint would otherwise guess its format (415
 * {@code UNSUPPORTED_MEDIA_TYPE}).</li>
 * </ul>
 */
public class RequestGuards {

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (hasNul(path) || hasNul(query)) {
            return respond(Problem.of(400, "INVALID_CHARACTER", "Bad request",
                    "The path or query string contains the NUL character (%00)",
                    List.of(new FieldError("INVALID_CHARACTER", "/", "NUL (%00) is not allowed in a URL"))));
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && hasBody(request)) {
            return respond(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                    "A request body needs a Content-Type, e.g. application/json", List.of()));
        }
        return null;
    }

    private static boolean hasNul(String raw) {
        return raw != null && raw.toLowerCase(Locale.ROOT).contains("%00");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
