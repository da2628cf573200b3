package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.restassured.http.ContentType;

/**
 * A real Keycloak (the distribution unpacked by the build) in dev mode, importing the project's {@code alf-monitor}
 * realm, so the end-to-end tests use tokens exactly as production issues them.
 */
final class KeycloakServer {

    private final int port;
    private final ManagedProcess process;

    /** @param managementPort health and metrics; never the default 9000, which another Keycloak may hold */
    KeycloakServer(Path home, Path realmFile, Path logDirectory, int port, int managementPort) {
        this.port = port;
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + " (the e2e-tests build unpacks it in pre-integration-test)");
        }
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("alf-monitor-realm.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHomeForKeycloak());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        process = new ManagedProcess("keycloak",
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
                        "--http-management-port=" + managementPort, "--import-realm", "--health-enabled=true"),
                env, logDirectory, home);
    }

    void start() {
        process.start();
        process.awaitHttpOk(realmUrl() + "/.well-known/openid-configuration", Duration.ofSeconds(240));
    }

    void stop() {
        process.stop();
    }

    String realmUrl() {
        return "http://localhost:" + port + "/realms/alf-monitor";
    }

    /**
     * The realm file lets the {@code dashboard} client sign in only from the local run's address; the suite's
     * reporting-service listens on a free port, so that origin is added as a redirect URI and web origin through
     * Keycloak's admin API, as an operator would for another deployment.
     */
    void allowDashboardAt(String origin) {
        String base = "http://localhost:" + port;
        String adminToken = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(base + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        Map<String, Object> client = given().auth().oauth2(adminToken).queryParam("clientId", "dashboard")
                .get(base + "/admin/realms/alf-monitor/clients")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        client.put("redirectUris", append(client.get("redirectUris"), origin + "/*"));
        client.put("webOrigins", append(client.get("webOrigins"), origin));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + origin + "/*");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(client)
                .put(base + "/admin/realms/alf-monitor/clients/{id}", client.get("id"))
                .then().statusCode(204);
    }

    private static List<Object> append(Object list, String value) {
        List<Object> values = new java.util.ArrayList<>((List<?>) list);
        values.add(value);
        return values;
    }

    /** Keycloak 26 wants a recent JDK: a Temurin 21+ under /usr/lib/jvm if there is one, else the test's own. */
    private static String javaHomeForKeycloak() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                return candidates.filter(p -> p.getFileName().toString().matches("temurin-(2[1-9]|[3-9]\\d).*"))
                        .filter(p -> Files.isExecutable(p.resolve("bin/java")))
                        .sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toString)
                        .findFirst()
                        .orElse(System.getProperty("java.home"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return System.getProperty("java.home");
    }
}
