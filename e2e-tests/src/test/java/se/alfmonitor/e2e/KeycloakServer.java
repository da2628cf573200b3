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
            // the realm is imported only into an empty database: drop what an earlier run left, so that every run
            // signs in with the realm file as it is now
            deleteRecursively(home.resolve("data/h2"));
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
        launch();
        awaitReady();
    }

    /** Starts the process without waiting, so that the suite can start other parts while Keycloak boots. */
    void launch() {
        process.start();
    }

    void awaitReady() {
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
        String adminToken = adminToken();
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

    /**
     * Registers another confidential client in the realm, as another application of the same organisation would be,
     * whose service account has {@code realmRole}; it has none of the audience mappers of the suite's clients.
     */
    void registerOtherClient(String clientId, String secret, String realmRole) {
        String base = "http://localhost:" + port;
        String adminToken = adminToken();
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "secret", secret, "enabled", true, "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "fullScopeAllowed", true))
                .post(base + "/admin/realms/alf-monitor/clients").then().statusCode(201);
        String id = given().auth().oauth2(adminToken).queryParam("clientId", clientId)
                .get(base + "/admin/realms/alf-monitor/clients").then().statusCode(200).extract().path("[0].id");
        String user = given().auth().oauth2(adminToken)
                .get(base + "/admin/realms/alf-monitor/clients/{id}/service-account-user", id)
                .then().statusCode(200).extract().path("id");
        Map<String, Object> role = given().auth().oauth2(adminToken)
                .get(base + "/admin/realms/alf-monitor/roles/{role}", realmRole)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(List.of(role))
                .post(base + "/admin/realms/alf-monitor/users/{user}/role-mappings/realm", user)
                .then().statusCode(204);
    }

    /**
     * Adds a person to the realm with one realm role and the password {@code <username>-demo}, as the realm file's
     * demo users have (a test that needs a second assessor, which the demo realm does not have).
     */
    void addPerson(String username, String role) {
        addPerson(username, role, null);
    }

    /** As {@link #addPerson(String, String)}, with the attribute {@code region_code} (a reporter's region) if given. */
    void addPerson(String username, String role, String regionCode) {
        String base = "http://localhost:" + port;
        String adminToken = adminToken();
        Map<String, Object> person = new java.util.HashMap<>(Map.of("username", username, "enabled", true,
                "email", username + "@alfmonitor.example", "emailVerified", true, "firstName", "Test",
                "lastName", username, "credentials", List.of(Map.of("type", "password", "value", username + "-demo",
                        "temporary", false))));
        if (regionCode != null) {
            person.put("attributes", Map.of("region_code", List.of(regionCode)));
        }
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(person)
                .post(base + "/admin/realms/alf-monitor/users")
                .then().statusCode(201);
        String userId = given().auth().oauth2(adminToken).queryParam("username", username).queryParam("exact", true)
                .get(base + "/admin/realms/alf-monitor/users")
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> realmRole = given().auth().oauth2(adminToken)
                .get(base + "/admin/realms/alf-monitor/roles/{role}", role)
                .then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(base + "/admin/realms/alf-monitor/users/{id}/role-mappings/realm", userId)
                .then().statusCode(204);
    }

    private String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post("http://localhost:" + port + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
