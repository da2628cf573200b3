package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class SubmissionConsumptionTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void eachSubmittedRevisionIsAssessedAndPublishedExactlyOnceEvenWhenRedelivered() throws Exception {
        String unitId = "05-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent<SubmissionSubmitted> event = submitted(unitId, 1);
        String value = JSON.writeValueAsString(event);
        TopicProbe.send("alf.submissions.v1", unitId, value);
        TopicProbe.send("alf.submissions.v1", unitId, value); // a redelivery of the same event

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.assessor())
                .queryParam("unitId", unitId)
                .get("/api/assessments")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].submissionRevision", equalTo(1)));

        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            assertThat(JSON.readTree(published.get(0).value()).at("/data/regionCode").asText()).isEqualTo("05");
        }
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.send("alf.submissions.v1", poisonKey, "{ this is not json");
        String unitId = "05-AFTER-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.send("alf.submissions.v1", unitId, JSON.writeValueAsString(submitted(unitId, 1)));

        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq")) {
            List<ConsumerRecord<String, String>> parked = dlq.await(r -> poisonKey.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(parked).hasSize(1);
            String reason = new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("Not a readable");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("unitId", unitId).get("/api/assessments")
                .then().statusCode(200).body("$", hasSize(1)));
    }

    @Test
    void reportersSeeOnlyTheirRegionAndViewersNothing() {
        given().get("/api/assessments").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).get("/api/assessments").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "05").get("/api/assessments")
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
    }

    private static CloudEvent<SubmissionSubmitted> submitted(String unitId, int revision) {
        return CloudEvent.create("/alf-monitor/test", Topic.SUBMISSIONS, unitId,
                new SubmissionSubmitted(UUID.randomUUID(), revision, "alf-2018-2021",
                        new SubmissionSubmitted.QuestionnaireRef("alf-usve", "2021"),
                        new SubmissionSubmitted.UnitRef(unitId, "05", true, 2016),
                        JSON.createObjectNode().put("3", "WHOLE_PERIOD"), Instant.now(), "test"));
    }
}
