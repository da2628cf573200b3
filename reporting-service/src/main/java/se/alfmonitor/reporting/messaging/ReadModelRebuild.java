package se.alfmonitor.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.reporting.persistence.ReadModelStore;

/**
 * Rebuilds the read models from scratch: empties them and this service's inbox rows, then reads the three topics
 * from their beginning up to where they end when the rebuild starts, through the same {@link ReadModelUpdater} as
 * the live consumers.
 *
 * <p>The live consumers keep running. An event they apply during the rebuild is recorded in the inbox, so the replay
 * skips it; one they applied before the truncation is replayed. Either way every event takes effect once. A plain
 * {@link KafkaConsumer} with assigned partitions and no group is used so that the live consumer group's offsets are
 * left alone.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<Topic> TOPICS = List.of(Topic.UNITS, Topic.ASSESSMENTS, Topic.INDICATORS);

    /** What a rebuild read: records per topic name, how many were new, and how many could not be applied. */
    public record Result(Map<String, Integer> records, int applied, int skipped) {
    }

    private final ReadModelUpdater updater;
    private final ReadModelStore store;
    private final EntityManager em;
    private final String bootstrapServers;
    private final AtomicBoolean running = new AtomicBoolean();

    public ReadModelRebuild(ReadModelUpdater updater, ReadModelStore store, EntityManager em,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.updater = updater;
        this.store = store;
        this.em = em;
        this.bootstrapServers = bootstrapServers;
    }

    public Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("REBUILD_RUNNING", "A rebuild of the read models is already running");
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                store.truncate();
                em.createNativeQuery("delete from inbox_event where consumer = :c")
                        .setParameter("c", ReadModelUpdater.CONSUMER).executeUpdate();
            });
            return replay();
        } finally {
            running.set(false);
        }
    }

    private Result replay() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> records = new LinkedHashMap<>();
        int applied = 0;
        int skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : TOPICS) {
                records.put(topic.topicName(), 0);
                List<PartitionInfo> infos = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    Topic topic = TOPICS.stream().filter(t -> t.topicName().equals(record.topic())).findFirst()
                            .orElseThrow();
                    records.merge(topic.topicName(), 1, Integer::sum);
                    try {
                        applied += updater.apply(topic, record.value()) ? 1 : 0;
                    } catch (RuntimeException e) {
                        // the live consumer parked this record on the dead-letter topic; the replay does not stop
                        skipped++;
                        LOG.warnf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
            }
        }
        LOG.infof("Read models rebuilt: %s records, %d applied, %d skipped", records, applied, skipped);
        return new Result(records, applied, skipped);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
