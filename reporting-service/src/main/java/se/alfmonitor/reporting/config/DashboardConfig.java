package se.alfmonitor.reporting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dashboard page and its live stream. */
@ConfigMapping(prefix = "alf.dashboard")
public interface DashboardConfig {

    /** The Keycloak realm the page signs in with; the browser must reach it. */
    @WithDefault("http://localhost:8180/realms/alf-monitor")
    String authServerUrl();

    /** The public Keycloak client of the page (authorization code with PKCE). */
    @WithDefault("dashboard")
    String clientId();

    /** How often an idle event stream gets a {@code ping}, so that proxies do not close it. */
    @WithDefault("PT25S")
    Duration streamHeartbeat();
}
