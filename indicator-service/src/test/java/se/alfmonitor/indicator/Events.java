package se.alfmonitor.indicator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
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
        SubmissionSubmitted data = new SubmissionSubmitted(submissionId, revision, campaignId,
                new SubmissionSubmitted.QuestionnaireRef(questionnaireKey, "2021"),
                new SubmissionSubmitted.UnitRef(unitId, regionCode, true, 2016), answers, Instant.now(), "test");
        send(Topic.SUBMISSIONS, unitId, data);
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
        try {
            TopicProbe.send(topic.topicName(), key,
                    JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", topic, key, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
