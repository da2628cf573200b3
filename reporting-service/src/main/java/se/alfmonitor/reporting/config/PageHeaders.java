package se.alfmonitor.reporting.config;

import java.net.URI;
import java.util.Map;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser's rules for the pages: scripts only from this service (no inline script, no eval), data only from this
 * service, the realm it signs in with and the services the page itself calls, never inside another site's frame.
 * Styles may be inline, since the chart library positions its tooltips with style attributes; a style cannot run
 * code. Each page may connect only where it must: the dashboard reads this service alone, the workbench and the rule
 * change impact page also assessment-service, the questionnaire form and the region coordinator page also
 * survey-service.
 */
@ApplicationScoped
public class PageHeaders {

    private final Map<String, String> policies;

    public PageHeaders(DashboardConfig config) {
        String dashboard = policy(config.authServerUrl() + "/");
        String withAssessment = policy(config.authServerUrl() + "/ " + origin(config.assessmentUrl()));
        String withSurvey = policy(config.authServerUrl() + "/ " + origin(config.surveyUrl()));
        this.policies = Map.of("/", dashboard, "/index.html", dashboard, "/workbench.html", withAssessment,
                "/impact.html", withAssessment, "/questionnaire.html", withSurvey, "/coordinator.html", withSurvey);
    }

    private static String policy(String connectTo) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' " + connectTo + "; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'";
    }

    /** scheme://host[:port] of a URL: what a browser compares, and nothing a path could widen or narrow. */
    static String origin(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute http(s) URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String policy = policies.get(context.normalizedPath());
            if (policy != null) {
                context.response().headers()
                        .set("Content-Security-Policy", policy)
                        .set("X-Frame-Options", "DENY");
            }
            context.next();
        }, 100);
    }
}
