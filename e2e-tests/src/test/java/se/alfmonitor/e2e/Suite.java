package se.alfmonitor.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import se.alfmonitor.testing.TestKafka;
import se.alfmonitor.testing.TestPostgres;
import se.alfmonitor.testing.Tokens;

/**
 * The whole suite as it runs in production: the four packaged services as separate JVMs, each with its own database
 * on a real PostgreSQL, one real Kafka broker and an OIDC provider. Tests reach the services only over HTTP.
 */
final class Suite implements AutoCloseable {

    enum Service {
        SURVEY("survey-service", "alf_survey"),
        ASSESSMENT("assessment-service", "alf_assessment"),
        INDICATOR("indicator-service", "alf_indicator"),
        REPORTING("reporting-service", "alf_reporting");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private final Path root = Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> oidcConfig;

    /** Starts the infrastructure and every service and waits until all are ready. */
    static Suite start() throws Exception {
        Suite suite = new Suite();
        try {
            suite.startAll();
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(logs);
        oidcConfig = oidc.start();
        String kafka = TestKafka.bootstrapServers();
        for (Service service : Service.values()) {
            String jdbcUrl = TestPostgres.database(service.database);
            ports.put(service, freePort());
            processes.put(service, launch(service, jdbcUrl, kafka));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (Service service : Service.values()) {
            awaitReady(service, deadline);
        }
    }

    private Process launch(Service service, String jdbcUrl, String kafka) throws IOException {
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not packaged: " + jar + " (run the build from the repository root)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", TestPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcConfig.get("keycloak.url") + "/realms/quarkus");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("ALF_OUTBOX_POLL_INTERVAL", "PT0.2S");
        File log = logs.resolve(service.module + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    private void awaitReady(Service service, long deadline) throws Exception {
        URI health = URI.create(url(service) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module + " exited with " + process.exitValue() + "; see "
                        + logs.resolve(service.module + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.module + " not ready in time; see "
                + logs.resolve(service.module + ".log"));
    }

    String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            oidc.stop();
        } catch (RuntimeException | Error ignored) {
            // not started
        }
    }
}
