package se.alfmonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A standalone Kafka broker (KRaft, one combined broker and controller node) in its own JVM, so tests can stop,
 * kill and restart it. It runs the Kafka server classes already on the test classpath, the same version as the
 * services' clients.
 */
final class KafkaBroker {

    private final int port;
    private final ManagedProcess process;
    private final Path config;
    private final Path logDirectory;

    KafkaBroker(Path workDirectory, Path logDirectory, int port, int controllerPort) {
        this.port = port;
        this.logDirectory = logDirectory;
        Path data = workDirectory.resolve("kafka-data");
        config = workDirectory.resolve("kafka-server.properties");
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx512m",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp",
                System.getProperty("java.class.path"), "kafka.Kafka", config.toString());
        process = new ManagedProcess("kafka", command, Map.of(), logDirectory, null);
    }

    /** Formats fresh storage and starts the broker. */
    void formatAndStart() {
        List<String> format = new ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        try {
            Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve("kafka-format.log").toFile()))
                    .start();
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see kafka-format.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        start();
        createContractTopics();
    }

    void start() {
        process.start();
        awaitReady(Duration.ofSeconds(180));
    }

    long pid() {
        return process.pid();
    }

    void stop() {
        process.stop();
    }

    void kill() {
        process.kill();
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + process.log());
            }
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            ManagedProcess.sleep(500);
        }
        throw new IllegalStateException("Kafka not ready in " + timeout + "; see " + process.log(), last);
    }

    private void createContractTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of("alf.units.v1", "alf.submissions.v1", "alf.assessments.v1",
                "alf.indicators.v1")) {
            NewTopic main = new NewTopic(topic, 3, (short) 1);
            if (topic.equals("alf.indicators.v1")) {
                main.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(main);
            topics.add(new NewTopic(topic + ".dlq", 1, (short) 1));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the contract topics", e);
        }
    }
}
