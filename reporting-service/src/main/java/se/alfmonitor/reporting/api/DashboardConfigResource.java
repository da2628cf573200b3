package se.alfmonitor.reporting.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.reporting.config.DashboardConfig;

/** What the dashboard page needs before anyone has signed in: where to sign in. */
@Path("/config.json")
public class DashboardConfigResource {

    public record PageConfig(String authServerUrl, String clientId) {
    }

    private final DashboardConfig config;

    public DashboardConfigResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public PageConfig get() {
        return new PageConfig(config.authServerUrl(), config.clientId());
    }
}
