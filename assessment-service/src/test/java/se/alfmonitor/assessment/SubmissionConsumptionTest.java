package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class SubmissionConsumptionTest {

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry meters;

    @Test
    void aSubmittedRevisionIsAssessedOnAll27LevelsAndPublishedWithExplanations() throws Exception {
        String unitId = Submissions.unitId("05");
        Submissions.send(Submissions.event(unitId, "05", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));

        JsonPath assessment = Submissions.awaitAssessment(unitId, 1, 1);
        assertThat(assessment.getList("[0].levels")).hasSize(27);
        assertThat(assessment.getString("[0].ruleSetVersion")).isEqualTo("2021.1");
        // 25 levels met; the examples of 18 and 23 wait for an assessor
        assertThat(assessment.getInt("[0].metCount")).isEqualTo(25);
        assertThat(assessment.getInt("[0].pendingReviews")).isEqualTo(2);
        assertThat(assessment.getBoolean("[0].allMet")).isFalse();
        assertThat(assessment.getInt("[0].areas.GENERAL.met")).isEqualTo(1);
        assertThat(assessment.getInt("[0].areas.RESEARCH.total")).isEqualTo(10);
        assertThat(assessment.getInt("[0].areas.EDUCATION.met")).isEqualTo(7);
        assertThat(assessment.getInt("[0].areas.EDUCATION.total")).isEqualTo(8);
        assertThat(assessment.getInt("[0].areas.DEVELOPMENT.met")).isEqualTo(7);
        JsonNode level1 = Submissions.level(assessment, 1);
        assertThat(level1.path("outcome").asText()).isEqualTo("MET");
        assertThat(level1.at("/explanation/sv").asText())
                .isEqualTo("Nivå 1: Uppfylld. Svar: fråga 3 = «Det har funnits under hela perioden». "
                        + "Regel: Det har funnits under hela perioden.");
        assertThat(level1.at("/explanation/items/0/id").asText()).isEqualTo("3");
        assertThat(Submissions.level(assessment, 18).path("outcome").asText()).isEqualTo("PENDING_REVIEW");

        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            JsonNode data = Submissions.JSON.readTree(published.get(0).value()).path("data");
            assertThat(data.path("levels")).hasSize(27);
            assertThat(data.path("metCount").asInt()).isEqualTo(25);
            assertThat(data.at("/levels/13/outcome").asText()).isEqualTo("MET");
            assertThat(data.at("/levels/13/explanation/en").asText()).startsWith("Level 14: Met.");
        }
    }

    @Test
    void eachRevisionIsPublishedExactlyOnceWhenTheStreamIsReadAgainAfterARestart() throws Exception {
        String unitId = Submissions.unitId("05");
        UUID submissionId = UUID.randomUUID();
        List<CloudEvent<SubmissionSubmitted>> events = new ArrayList<>();
        for (int revision = 1; revision <= 3; revision++) {
            ObjectNode answers = AlfUsveAnswers.allMet();
            answers.put("39", revision == 2 ? "NEJ" : "JA");
            events.add(Submissions.event(unitId, "05", Submissions.CAMPAIGN, submissionId, revision, answers, true));
        }
        Submissions.send(events.get(0));
        Submissions.send(events.get(1));
        // a consumer restarted before committing its offsets reads the same events again, then the rest
        Submissions.send(events.get(0));
        Submissions.send(events.get(1));
        Submissions.send(events.get(2));
        Submissions.send(events.get(1));

        JsonPath latest = Submissions.awaitAssessment(unitId, 3, 3);
        assertThat(latest.getInt("[0].version")).isEqualTo(3);
        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            List<Integer> revisions = new ArrayList<>();
            for (ConsumerRecord<String, String> r : published) {
                revisions.add(Submissions.JSON.readTree(r.value()).at("/data/submissionRevision").asInt());
            }
            assertThat(revisions).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aConsumerStoppedMidStreamAndRewoundToTheStartPublishesEachRevisionOnce() throws Exception {
        String unitId = Submissions.unitId("03");
        UUID submissionId = UUID.randomUUID();
        Submissions.send(Submissions.event(unitId, "03", Submissions.CAMPAIGN, submissionId, 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);

        double duplicatesBefore = duplicates();
        KafkaConsumer<String, String> consumer = kafka.getConsumer("submissions");
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        try {
            ObjectNode amended = AlfUsveAnswers.allMet();
            amended.put("39", "NEJ");
            Submissions.send(Submissions.event(unitId, "03", Submissions.CAMPAIGN, submissionId, 2, amended, true));
            Submissions.send(Submissions.event(unitId, "03", Submissions.CAMPAIGN, submissionId, 3,
                    AlfUsveAnswers.allMet(), true));
            // the worst restart: the consumer lost its offsets and reads the whole topic again
            Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
            consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
        } finally {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }

        Submissions.awaitAssessment(unitId, 3, 3);
        // the replay really happened: at least revision 1 came again and was recognised as a duplicate
        assertThat(duplicates()).isGreaterThan(duplicatesBefore);
        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> Submissions.data(r).path("submissionRevision").asInt())
                    .containsExactly(1, 2, 3);
        }
    }

    private double duplicates() {
        Counter counter = meters.find("alf.inbox.events").tag("consumer", "assessment").tag("result", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anOlderRevisionArrivingLateIsIgnored() {
        String unitId = Submissions.unitId("05");
        UUID submissionId = UUID.randomUUID();
        Submissions.send(Submissions.event(unitId, "05", Submissions.CAMPAIGN, submissionId, 2,
                AlfUsveAnswers.allMet(), true));
        ObjectNode older = AlfUsveAnswers.allMet();
        older.put("3", "NEJ");
        Submissions.send(Submissions.event(unitId, "05", Submissions.CAMPAIGN, submissionId, 1, older, true));
        String marker = Submissions.unitId("05");
        Submissions.send(Submissions.event(marker, "05", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        // the marker is on another key; wait until both units are assessed, then the late revision must be ignored
        Submissions.awaitAssessment(marker, 1, 1);
        JsonPath assessment = Submissions.awaitAssessment(unitId, 2, 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.monitor()).queryParam("unitId", unitId).get("/api/assessments").then()
                .statusCode(200).body("[0].version", equalTo(1)).body("[0].submissionRevision", equalTo(2)));
        assertThat(Submissions.level(assessment, 1).path("outcome").asText()).isEqualTo("MET");
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.send("alf.submissions.v1", poisonKey, "{ this is not json");
        String unitId = Submissions.unitId("05");
        Submissions.send(Submissions.event(unitId, "05", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                Submissions.JSON.createObjectNode().put("3", "WHOLE_PERIOD"), true));

        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq")) {
            List<ConsumerRecord<String, String>> parked = dlq.await(r -> poisonKey.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertThat(parked).hasSize(1);
            String reason = new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("Not a readable");
        }
        JsonPath assessment = Submissions.awaitAssessment(unitId, 1, 1);
        // a nearly empty submission: level 1 met, every other level not met and saying what is missing
        assertThat(assessment.getInt("[0].metCount")).isEqualTo(1);
        assertThat(Submissions.level(assessment, 2).at("/explanation/en").asText())
                .contains("No answer to question 4a");
    }

    @Test
    void reportersSeeOnlyTheirRegionAndViewersNothing() {
        String unitId = Submissions.unitId("14");
        Submissions.send(Submissions.event(unitId, "14", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);

        given().get("/api/assessments").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).get("/api/assessments").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "14").get("/api/assessments")
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("unitId", unitId).get("/api/assessments")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.reporter("14")).queryParam("unitId", unitId).get("/api/assessments")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].regionCode", equalTo("14"));
        given().auth().oauth2(Tokens.assessor()).queryParam("regionCode", "1").get("/api/assessments")
                .then().statusCode(400);
    }
}
