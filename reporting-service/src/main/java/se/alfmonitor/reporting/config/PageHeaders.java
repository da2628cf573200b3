package se.alfmonitor.reporting.config;

import java.util.Set;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser's rules for the dashboard page: scripts only from this service (no inline script, no eval), data only
 * from this service and the realm it signs in with, never inside another site's frame. Styles may be inline, since
 * the chart library positions its tooltips with style attributes; a style cannot run code.
 */
@ApplicationScoped
public class PageHeaders {

    /** The paths that answer with the page itself. */
    static final Set<String> PAGES = Set.of("/", "/index.html");

    private final String policy;

    public PageHeaders(DashboardConfig config) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' " + config.authServerUrl() + "/; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (PAGES.contains(context.normalizedPath())) {
                context.response().headers()
                        .set("Content-Security-Policy", policy)
                        .set("X-Frame-Options", "DENY");
            }
            context.next();
        }, 100);
    }
}
