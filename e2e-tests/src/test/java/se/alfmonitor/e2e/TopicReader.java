package se.alfmonitor.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.alfmonitor.testing.TopicProbe;

/** Reads and writes topics of the suite's broker as an outside party would. */
final class TopicReader {

    private TopicReader() {
    }

    /** Every record of {@code topic} from the beginning that matches, polling until {@code quiet} passes without one. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> filter, Duration quiet) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long lastRecord = System.nanoTime();
            boolean assigned = false;
            while (!assigned || System.nanoTime() - lastRecord < quiet.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                assigned |= !consumer.assignment().isEmpty();
                if (!records.isEmpty()) {
                    lastRecord = System.nanoTime();
                }
                records.forEach(r -> {
                    if (filter.test(r)) {
                        matches.add(r);
                    }
                });
            }
        }
        return matches;
    }

    static void send(String bootstrap, String topic, String key, String value) {
        TopicProbe.send(bootstrap, topic, key, value);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
