package se.alfmonitor.indicator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.config.IndicatorConfig;
import se.alfmonitor.indicator.values.ValueQueries;
import se.alfmonitor.indicator.values.IndicatorValueEntity;

@Path("/api/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feed", description = "Every computed value in the order computed, for the national agency")
public class FeedResource {

    private static final String CURSOR_PREFIX = "v1:";
    private static final int DEFAULT_LIMIT = 100;

    private final ValueQueries values;
    private final IndicatorConfig config;

    public FeedResource(ValueQueries values, IndicatorConfig config) {
        this.values = values;
        this.config = config;
    }

    /**
     * @param items values in the order computed, history included
     * @param next the cursor to pass as {@code after} for the following page; the same cursor again when nothing new
     *        has been computed yet, so a client can poll with it
     */
    public record Page(List<IndicatorComputed> items, String next) {
    }

    /** Every computed value in the order computed; without {@code after} it replays history from the start. */
    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "The indicator feed", description = "Every computed value in the order computed, with an "
            + "opaque next cursor; without after it replays history from the start; the same cursor again when "
            + "nothing new has been computed, so a client can poll with it.")
    @APIResponse(responseCode = "200", description = "The indicator feed")
    @APIResponse(responseCode = "400", description = "INVALID_CURSOR: after is not a cursor this feed returned; "
            + "INVALID_REQUEST with OUT_OF_RANGE: limit outside 1 to the maximum")
    public Page feed(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        int max = config.feedMaxLimit();
        int size = limit == null ? Math.min(DEFAULT_LIMIT, max) : limit;
        if (size < 1 || size > max) {
            throw ProblemException.badRequest("INVALID_REQUEST", "limit is out of range",
                    List.of(new FieldError("OUT_OF_RANGE", "?limit", "limit must be between 1 and " + max)));
        }
        long from = decode(after);
        List<IndicatorValueEntity> rows = values.after(from, size);
        long last = rows.isEmpty() ? from : rows.get(rows.size() - 1).id;
        return new Page(rows.stream().map(values::toEvent).toList(), encode(last));
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long id = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("INVALID_CURSOR", "after is not a cursor this feed returned",
                List.of(new FieldError("INVALID_CURSOR", "?after", "Pass the next value of a previous page")));
    }
}
