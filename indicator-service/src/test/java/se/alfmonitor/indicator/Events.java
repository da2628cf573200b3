package se.alfmonitor.indicator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.TestKafka;
import se.alfmonitor.testing.TopicProbe;

/** Sends events through the real test broker the way the other services do. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    /**
     * A year of its own for a test: periods are years, and the database is shared by every test of the module. Years
     * are ten apart so that reference look-backs of one test never reach another's.
     */
    static int uniqueYear() {
        return 2100 + 10 * ThreadLocalRandom.current().nextInt(0, 789);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void submission(String campaignId, String questionnaireKey, String unitId, String regionCode,
            ObjectNode answers) {
        submission(UUID.randomUUID(), 1, campaignId, questionnaireKey, unitId, regionCode, answers);
    }

    static void submission(UUID submissionId, int revision, String campaignId, String questionnaireKey,
            String unitId, String regionCode, ObjectNode answers) {
        TopicProbe.send(Topic.SUBMISSIONS.topicName(), unitId,
                submissionEvent(submissionId, revision, campaignId, questionnaireKey, unitId, regionCode, answers));
    }

    /** A submitted questionnaire as survey-service publishes it: the CloudEvent's JSON, keyed by the unit id. */
    static String submissionEvent(UUID submissionId, int revision, String campaignId, String questionnaireKey,
            String unitId, String regionCode, ObjectNode answers) {
        SubmissionSubmitted data = new SubmissionSubmitted(submissionId, revision, campaignId,
                new SubmissionSubmitted.QuestionnaireRef(questionnaireKey, "2021"),
                new SubmissionSubmitted.UnitRef(unitId, regionCode, true, 2016), answers, Instant.now(), "test");
        return envelope(Topic.SUBMISSIONS, unitId, data);
    }

    /**
     * Sends records (key, value) with one producer and one flush, as a relay sends what has piled up, so that the
     * consumer is likely to poll several of them at once.
     */
    static void sendAll(Topic topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, String> r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic.topicName(), r.getKey(),
                        r.getValue());
                record.headers().add("content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic.topicName(), e);
        }
    }

    static void assessment(String campaignId, String unitId, String regionCode, boolean allMet, int pending,
            List<AssessmentCompleted.Level> levels) {
        assessment(campaignId, unitId, regionCode, 1, allMet, pending, levels);
    }

    static void assessment(String campaignId, String unitId, String regionCode, int version, boolean allMet,
            int pending, List<AssessmentCompleted.Level> levels) {
        AssessmentCompleted data = new AssessmentCompleted(unitId, regionCode, campaignId, UUID.randomUUID(), 1,
                version, "test", Instant.now(), allMet ? 27 : 20, allMet, pending, levels);
        send(Topic.ASSESSMENTS, unitId, data);
    }

    static void unit(String unitId, String regionCode, boolean active) {
        send(Topic.UNITS, unitId, new se.alfmonitor.contract.events.UnitChanged(unitId, "Enhet " + unitId, regionCode,
                regionCode, "REGION", 2016, true, active));
    }

    private static void send(Topic topic, String key, Object data) {
        TopicProbe.send(topic.topicName(), key, envelope(topic, key, data));
    }

    private static String envelope(Topic topic, String key, Object data) {
        try {
            return JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", topic, key, data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
