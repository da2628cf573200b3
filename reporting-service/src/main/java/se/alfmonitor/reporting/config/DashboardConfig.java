package se.alfmonitor.reporting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The pages (dashboard, assessor workbench, rule change impact, questionnaire form, region coordinator) and the
 * dashboard's live stream.
 */
@ConfigMapping(prefix = "alf.dashboard")
public interface DashboardConfig {

    /** The Keycloak realm the pages sign in with; the browser must reach it. */
    @WithDefault("http://localhost:8180/realms/alf-monitor")
    String authServerUrl();

    /** The public Keycloak client of the pages (authorization code with PKCE). */
    @WithDefault("dashboard")
    String clientId();

    /**
     * assessment-service as the browser reaches it: the workbench and the impact page call it directly, so it must
     * allow this service's origin (its {@code quarkus.http.cors.origins}).
     */
    @WithDefault("http://localhost:8082")
    String assessmentUrl();

    /**
     * survey-service as the browser reaches it: the questionnaire form reads the definitions there and writes the
     * submissions, the region coordinator page reads the units and their submissions' status, so it must allow this
     * service's origin (its {@code quarkus.http.cors.origins}).
     */
    @WithDefault("http://localhost:8081")
    String surveyUrl();

    /** How often an idle event stream gets a {@code ping}, so that proxies do not close it. */
    @WithDefault("PT25S")
    Duration streamHeartbeat();
}
