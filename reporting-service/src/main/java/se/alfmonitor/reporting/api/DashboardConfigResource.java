package se.alfmonitor.reporting.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.reporting.config.DashboardConfig;

/** What the pages need before anyone has signed in: where to sign in, and where the other services they call are. */
@Path("/config.json")
public class DashboardConfigResource {

    public record PageConfig(String authServerUrl, String clientId, String assessmentUrl, String surveyUrl) {
    }

    private final DashboardConfig config;

    public DashboardConfigResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public PageConfig get() {
        return new PageConfig(config.authServerUrl(), config.clientId(), withoutSlash(config.assessmentUrl()),
                withoutSlash(config.surveyUrl()));
    }

    private static String withoutSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
