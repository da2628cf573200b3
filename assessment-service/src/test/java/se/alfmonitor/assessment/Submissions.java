package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.path.json.JsonPath;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/** Sends submitted revisions the way survey-service does, through the real test broker. */
public final class Submissions {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final String CAMPAIGN = "alf-2018-2021";

    private Submissions() {
    }

    public static String unitId(String regionCode) {
        return regionCode + "-T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CloudEvent<SubmissionSubmitted> event(String unitId, String regionCode, String campaignId,
            UUID submissionId, int revision, ObjectNode answers, boolean directPatientContact) {
        return CloudEvent.create("/alf-monitor/test", Topic.SUBMISSIONS, unitId,
                new SubmissionSubmitted(submissionId, revision, campaignId,
                        new SubmissionSubmitted.QuestionnaireRef("alf-usve", "2021"),
                        new SubmissionSubmitted.UnitRef(unitId, regionCode, directPatientContact, 2016),
                        answers, Instant.now(), "test"));
    }

    public static void send(CloudEvent<SubmissionSubmitted> event) {
        try {
            TopicProbe.send("alf.submissions.v1", event.data().unit().id(), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the unit's latest assessment is of {@code revision} and at least {@code version}. */
    public static JsonPath awaitAssessment(String unitId, int revision, int version) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath body = given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId)
                    .get("/api/assessments").then().statusCode(200).extract().jsonPath();
            if (body.getList("$").size() == 1 && body.getInt("[0].submissionRevision") == revision
                    && body.getInt("[0].version") >= version) {
                found[0] = body;
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** The CloudEvent data of a published record. */
    public static JsonNode data(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("data");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The level of an assessment in the API's JSON. */
    public static JsonNode level(JsonPath assessment, int number) {
        JsonNode tree = JSON.valueToTree(assessment.getList("[0].levels"));
        for (JsonNode level : tree) {
            if (level.path("number").asInt() == number) {
                return level;
            }
        }
        throw new AssertionError("No level " + number);
    }
}
