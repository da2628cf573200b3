package se.alfmonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as the local run starts it: the four packaged services as separate JVMs, each with its own
 * database on a real PostgreSQL, a standalone Kafka broker and a real Keycloak importing the project's realm. Tests
 * reach the services only over HTTP with tokens from that Keycloak, and may stop, kill and restart any part.
 *
 * <p>Public so that the benchmarks ({@code bench}, from this module's test jar) drive the very same suite.
 */
public final class Suite implements AutoCloseable {

    /** The services, each with its database and the heap limit deploy/ gives it. */
    public enum Service {
        SURVEY("survey-service", "alf_survey", "-Xmx256m"),
        // re-assesses whole campaigns in batches when a rule set is published (bench/README.md, P3)
        ASSESSMENT("assessment-service", "alf_assessment", "-Xmx512m"),
        INDICATOR("indicator-service", "alf_indicator", "-Xmx256m"),
        REPORTING("reporting-service", "alf_reporting", "-Xmx256m");

        public final String module;
        public final String database;
        public final String heap;

        Service(String module, String database, String heap) {
            this.module = module;
            this.database = database;
            this.heap = heap;
        }
    }

    private static Suite shared;

    /** A confidential client of the realm with role admin and none of the suite's audiences (TokenEdgesIT). */
    static final String OTHER_CLIENT = "other-application";

    static {
        // a hung service must fail a test, not hang the build
        io.restassured.RestAssured.config = io.restassured.config.RestAssuredConfig.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 60_000));
    }

    private final Path root = Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath().normalize();
    private final Path work;
    private final Path logs;
    private final Map<Service, Map<String, String>> extraEnvironment;
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, String> jdbcUrls = new EnumMap<>(Service.class);
    private final List<ManagedProcess> extraInstances = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private RealmTokens tokens;

    private Suite(String workDirectory, Map<Service, Map<String, String>> extraEnvironment) {
        this.work = root.resolve(workDirectory);
        this.logs = work.resolve("logs");
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** One suite for all end-to-end test classes of the JVM; it stops when the JVM exits. */
    static synchronized Suite shared() {
        if (shared == null) {
            shared = start("e2e-tests/target/e2e", Map.of());
        }
        return shared;
    }

    /**
     * A suite of its own, stopped when the JVM exits.
     *
     * @param workDirectory relative to the repository root; wiped first
     * @param extraEnvironment environment variables added to (or overriding) a service's own
     */
    public static Suite start(String workDirectory, Map<Service, Map<String, String>> extraEnvironment) {
        Suite suite = new Suite(workDirectory, extraEnvironment);
        try {
            suite.startAll();
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "e2e-suite-stop"));
        return suite;
    }

    private void startAll() {
        long started = System.nanoTime();
        deleteRecursively(work);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Keycloak takes longest to boot: it starts first and boots while PostgreSQL and Kafka start
        keycloak = new KeycloakServer(Path.of(System.getProperty("alf.keycloak.home",
                root.resolve("e2e-tests/target/keycloak/keycloak-26.7.3").toString())),
                root.resolve("deploy/keycloak/alf-monitor-realm.json"), logs, freePort(), freePort());
        keycloak.launch();
        postgres = new PostgresServer(work.resolve("pgdata"), freePort());
        postgres.start();
        for (Service service : Service.values()) {
            jdbcUrls.put(service, postgres.createDatabase(service.database));
        }
        kafka = new KafkaBroker(work, logs, freePort(), freePort());
        kafka.formatAndStart();
        keycloak.awaitReady();
        tokens = new RealmTokens(keycloak.realmUrl());
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        keycloak.allowDashboardAt(url(Service.REPORTING));
        keycloak.registerOtherClient(OTHER_CLIENT, OTHER_CLIENT + "-secret", "admin");
        for (Service service : Service.values()) {
            services.put(service, serviceProcess(service, ports.get(service), service.module));
            services.get(service).start();
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
        System.out.printf("E2E suite ready in %.1f s (PostgreSQL, Kafka, Keycloak, 4 services)%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** Another instance of a service as it would be scaled out: same database, same consumer group. */
    record Instance(ManagedProcess process, String url) {
    }

    /** Starts another instance of a service and waits until it is ready; it stops with the suite or on demand. */
    synchronized Instance startInstance(Service service, int number) {
        int port = freePort();
        ManagedProcess process = serviceProcess(service, port, service.module + "-" + number);
        extraInstances.add(process);
        process.start();
        String url = "http://localhost:" + port;
        process.awaitHttpOk(url + "/q/health/ready", Duration.ofSeconds(120));
        return new Instance(process, url);
    }

    private ManagedProcess serviceProcess(Service service, int port, String name) {
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not packaged: " + jar + " (run the build from the repository root)");
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrls.get(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        env.put("ALF_OUTBOX_POLL_INTERVAL", "PT0.5S");
        // where the pages (in the browser) sign in: this Keycloak, not the local run's port
        env.put("ALF_DASHBOARD_AUTH_SERVER_URL", keycloak.realmUrl());
        // the workbench page calls assessment-service from the browser: the page learns where it is, and
        // assessment-service lets this suite's reporting-service origin (not the local run's 8084) read its answers
        env.put("ALF_DASHBOARD_ASSESSMENT_URL", url(Service.ASSESSMENT));
        // the questionnaire form calls survey-service from the browser the same way (survey-service allows the origin too)
        env.put("ALF_DASHBOARD_SURVEY_URL", url(Service.SURVEY));
        env.put("QUARKUS_HTTP_CORS_ORIGINS", url(Service.REPORTING));
        env.putAll(extraEnvironment.getOrDefault(service, Map.of()));
        // a killed instance's partitions move to the next member after 10 s instead of the client's default 45 s
        // (the broker allows 6 s and more); the services' own configuration keeps the default
        return new ManagedProcess(name, List.of(ManagedProcess.javaExecutable(), service.heap,
                "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=10000", "-jar", jar.toString()), env,
                logs, null);
    }

    public void awaitReady(Service service) {
        services.get(service).awaitHttpOk(url(service) + "/q/health/ready", Duration.ofSeconds(120));
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Adds a person with one realm role to this suite's realm; the password is {@code <username>-demo}. */
    public void addPerson(String username, String role) {
        keycloak.addPerson(username, role);
    }

    /** A person with one realm role and the region claim {@code region_code} (a reporter of that region). */
    public void addPerson(String username, String role, String regionCode) {
        keycloak.addPerson(username, role, regionCode);
    }

    public RealmTokens tokens() {
        return tokens;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Where clients outside this package (the benchmarks) reach the broker. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ManagedProcess service(Service service) {
        return services.get(service);
    }

    /** The broker's process, for the benchmarks' CPU accounting. */
    public long kafkaPid() {
        return kafka.pid();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The JDBC URL of a service's own database, for {@link PostgresServer#USER}. */
    public String jdbcUrl(Service service) {
        return jdbcUrls.get(service);
    }

    /** Each run starts from nothing: no database, broker data or logs of an earlier run. */
    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        // all services at once: each may take seconds to leave its consumer groups
        extraInstances.forEach(ManagedProcess::signalStop);
        services.values().forEach(ManagedProcess::signalStop);
        extraInstances.forEach(instance -> instance.awaitExit(Duration.ofSeconds(20)));
        services.values().forEach(service -> service.awaitExit(Duration.ofSeconds(20)));
        if (kafka != null) {
            kafka.stop();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
