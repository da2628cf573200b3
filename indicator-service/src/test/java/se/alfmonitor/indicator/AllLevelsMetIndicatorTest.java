package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

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
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class AllLevelsMetIndicatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void unitRegionAlfAndNationSharesSumNumeratorsAndDenominators() throws Exception {
        // a campaign of its own, so other tests' units do not count
        String campaign = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        send(campaign, "12-A", "12", true);
        send(campaign, "12-B", "12", false);
        send(campaign, "24-A", "24", true);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("indicator", "ALF-02").queryParam("orgUnit", "SE").queryParam("period", period)
                .get("/api/values")
                .then().statusCode(200).body("[0].denominator", equalTo(3)).body("[0].numerator", equalTo(2))
                .body("[0].value", equalTo(66.7f)));
        given().auth().oauth2(Tokens.monitor()).queryParam("indicator", "ALF-02").queryParam("orgUnit", "12").queryParam("period", period)
                .get("/api/values")
                .then().statusCode(200).body("[0].value", equalTo(50.0f)).body("[0].orgUnitLevel", equalTo("REGION"));
        // region 12's two units are a small group: a viewer sees that they responded, not how they were assessed
        given().auth().oauth2(Tokens.viewer()).queryParam("indicator", "ALF-02").queryParam("orgUnit", "12").queryParam("period", period)
                .get("/api/values")
                .then().statusCode(200).body("[0].value", equalTo(null)).body("[0].suppressed", equalTo(true))
                .body("[0].denominator", equalTo(2)).body("[0].orgUnitLevel", equalTo("REGION"));
        given().auth().oauth2(Tokens.monitor()).queryParam("indicator", "ALF-02").queryParam("orgUnit", campaign + "-12-A").queryParam("period", period)
                .get("/api/values")
                .then().statusCode(200).body("[0].value", equalTo(100.0f));
        // viewers never see unit values
        given().auth().oauth2(Tokens.viewer()).queryParam("period", period).get("/api/values")
                .then().statusCode(200).body("orgUnitLevel", everyItem(not(equalTo("UNIT"))));

        // the nation value is published each time it was summed (once, or after each of the three events if they
        // arrived apart), the last time with all three units
        try (TopicProbe probe = TopicProbe.from("alf.indicators.v1")) {
            List<ConsumerRecord<String, String>> nation = probe.await(
                    r -> ("ALF-02|SE|" + period).equals(r.key()), 3, Duration.ofSeconds(5));
            assertThat(nation).hasSizeBetween(1, 3);
            assertThat(JSON.readTree(nation.get(nation.size() - 1).value()).at("/data/value").decimalValue())
                    .isEqualByComparingTo("66.7");
        }
    }

    @Test
    void valuesNeedAToken() {
        given().get("/api/values").then().statusCode(401);
        given().auth().oauth2(Tokens.reporter("01")).get("/api/values").then().statusCode(403);
    }

    private static void send(String campaign, String unit, String region, boolean allMet) throws Exception {
        String unitId = campaign + "-" + unit;
        AssessmentCompleted data = new AssessmentCompleted(unitId, region, campaign, UUID.randomUUID(), 1, 1,
                "test", Instant.now(), allMet ? 27 : 20, allMet, 0, List.of());
        TopicProbe.send("alf.assessments.v1", unitId,
                JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", Topic.ASSESSMENTS, unitId, data)));
    }
}
