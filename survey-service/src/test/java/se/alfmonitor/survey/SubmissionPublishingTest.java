package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class SubmissionPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void submittedRevisionIsPublishedOnceAsCloudEvent() throws Exception {
        String unitId = "01-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Testklinik", "regionCode", "01", "directPatientContact", true,
                        "designatedYear", 2016))
                .put("/api/units/{id}", unitId)
                .then().statusCode(201).body("hostRegionCode", equalTo("01"));

        UUID submissionId = UUID.randomUUID();
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Fixtures.completeAlfUsve()))
                .put("/api/submissions/{id}", submissionId)
                .then().statusCode(201).body("status", equalTo("DRAFT"));

        given().auth().oauth2(Tokens.reporter("01"))
                .post("/api/submissions/{id}/submit", submissionId)
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1));
        // submitting the same content again changes nothing and publishes nothing
        given().auth().oauth2(Tokens.reporter("01"))
                .post("/api/submissions/{id}/submit", submissionId)
                .then().statusCode(200).body("revision", equalTo(1));

        try (TopicProbe probe = TopicProbe.from("alf.submissions.v1")) {
            List<ConsumerRecord<String, String>> records = probe.await(
                    r -> r.value().contains(submissionId.toString()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(record.key()).isEqualTo(unitId);
            assertThat(new String(record.headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json");
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("se.alfmonitor.submission.submitted.v1");
            assertThat(event.path("source").asText()).isEqualTo("/alf-monitor/survey-service");
            assertThat(event.at("/data/revision").asInt()).isEqualTo(1);
            assertThat(event.at("/data/unit/regionCode").asText()).isEqualTo("01");
            assertThat(event.at("/data/questionnaire/key").asText()).isEqualTo("alf-usve");
            assertThat(event.at("/data/answers/3").asText()).isEqualTo("WHOLE_PERIOD");
        }
    }

    @Test
    void reporterCannotTouchAnotherRegionsUnit() {
        String unitId = "03-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Testklinik", "regionCode", "03", "directPatientContact", true))
                .put("/api/units/{id}", unitId)
                .then().statusCode(201);

        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Map.of()))
                .put("/api/submissions/{id}", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("OTHER_REGION"));
    }

    @Test
    void unitsNeedAWritingRoleOfTheirRegionAndAToken() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "regionCode", "01",
                "directPatientContact", true))
                .put("/api/units/{id}", "01-NOPE").then().statusCode(401);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "regionCode", "01", "directPatientContact", true))
                .put("/api/units/{id}", "01-NOPE").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("03")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "regionCode", "01", "directPatientContact", true))
                .put("/api/units/{id}", "01-NOPE").then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "regionCode", "04", "hostRegionCode", "99", "directPatientContact", true))
                .put("/api/units/{id}", "04-NOPE")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.code", org.hamcrest.Matchers.contains("UNKNOWN_REGION", "UNKNOWN_REGION"))
                .body("errors.pointer", org.hamcrest.Matchers.contains("/regionCode", "/hostRegionCode"));
    }
}
