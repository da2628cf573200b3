package se.alfmonitor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker per test JVM: a single combined broker and controller node in KRaft mode, the same Kafka
 * version as the clients on the classpath. The contract's topics and their dead-letter topics exist from the start.
 */
public final class TestKafka {

    public static final int PARTITIONS = 3;
    public static final List<String> CONTRACT_TOPICS = List.of("alf.units.v1", "alf.submissions.v1",
            "alf.assessments.v1", "alf.indicators.v1");

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // the broker shares the test JVM: a broker component giving up while the JVM shuts down (Kafka halts the
            // process then) must not turn a green run into a failed fork with a non-zero exit status
            Exit.setHaltProcedure((status, message) -> System.err.printf(
                    "test Kafka broker asked to halt the JVM (%d): %s%n", status, message));
            Exit.setExitProcedure((status, message) -> System.err.printf(
                    "test Kafka broker asked to exit the JVM (%d): %s%n", status, message));
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", String.valueOf(PARTITIONS))
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the test Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::close, "test-kafka-stop"));
            createContractTopics();
        }
        return cluster.bootstrapServers();
    }

    public static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    private static void createContractTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : CONTRACT_TOPICS) {
            NewTopic main = new NewTopic(topic, PARTITIONS, (short) 1);
            if (topic.equals("alf.indicators.v1")) {
                main.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(main);
            topics.add(new NewTopic(topic + ".dlq", 1, (short) 1));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the contract topics", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            cluster = null;
        }
    }
}
