package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class ComplianceMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * Three responding units with known outcomes; the expected figures are worked out by hand:
     * <ul>
     * <li>01-A meets all 27; 01-B misses level 27; 12-C has level 1 not applicable and level 5 pending review.</li>
     * <li>Level 27: 01 = 1/2 = 50.0, 12 = 100.0, nation 2/3 = 66.7. Level 5: 01 = 100.0, 12 = 0.0, nation 66.7.</li>
     * <li>Average share 01 = (26 × 100 + 50) / 27 = 98.1; 12 = (26 × 100 + 0) / 27 = 96.3.</li>
     * <li>National average = (25 × 100 + 66.7 + 66.7) / 27 = 97.5.</li>
     * <li>Units meeting all levels: 1 of 3 = 33.3; in 01 1 of 2 = 50.0; in 12 0 of 1 = 0.0.</li>
     * </ul>
     */
    @Test
    void sharesAveragesAndAllLevelsCountsFollowTheContractDefinitions() throws Exception {
        String campaign = "alf-test-" + UUID.randomUUID().toString().substring(0, 8);
        send(campaign, "01-A", "01", n -> LevelOutcome.MET);
        send(campaign, "01-B", "01", n -> n == 27 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        send(campaign, "12-C", "12", n -> n == 1 ? LevelOutcome.NOT_APPLICABLE
                : n == 5 ? LevelOutcome.PENDING_REVIEW : LevelOutcome.MET);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200).body("unitsMeetingAll.count", equalTo(1))
                .body("regions.find { it.code == '12' }.respondingUnits", equalTo(1))
                .body("regions.find { it.code == '01' }.respondingUnits", equalTo(2)));

        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("levels.find { it.number == 27 }.shares.'01'", equalTo(50.0f))
                .body("levels.find { it.number == 27 }.shares.'12'", equalTo(100.0f))
                .body("levels.find { it.number == 27 }.shares.'03'", nullValue())
                .body("levels.find { it.number == 27 }.nationalShare", equalTo(66.7f))
                .body("levels.find { it.number == 5 }.shares.'12'", equalTo(0.0f))
                .body("levels.find { it.number == 5 }.nationalShare", equalTo(66.7f))
                .body("levels.find { it.number == 1 }.shares.'12'", equalTo(100.0f))
                .body("regions.find { it.code == '01' }.averageShare", equalTo(98.1f))
                .body("regions.find { it.code == '12' }.averageShare", equalTo(96.3f))
                .body("regions.find { it.code == '03' }.averageShare", nullValue())
                .body("nationalAverage", equalTo(97.5f))
                .body("unitsMeetingAll.share", equalTo(33.3f))
                .body("unitsMeetingAll.byRegion.'01'.share", equalTo(50.0f))
                .body("unitsMeetingAll.byRegion.'12'.count", equalTo(0));
    }

    @Test
    void complianceNeedsAToken() {
        given().queryParam("campaignId", "alf-2018-2021").get("/api/compliance").then().statusCode(401);
    }

    private static void send(String campaign, String unit, String region, IntFunction<LevelOutcome> outcome)
            throws Exception {
        List<AssessmentCompleted.Level> levels = new ArrayList<>();
        int met = 0;
        int pending = 0;
        for (int n = 1; n <= 27; n++) {
            LevelOutcome o = outcome.apply(n);
            met += o.fulfilled() ? 1 : 0;
            pending += o == LevelOutcome.PENDING_REVIEW ? 1 : 0;
            levels.add(new AssessmentCompleted.Level(n, "X", o, JSON.createObjectNode()));
        }
        String unitId = campaign + "-" + unit;
        AssessmentCompleted data = new AssessmentCompleted(unitId, region, campaign, UUID.randomUUID(), 1, 1, "test",
                Instant.now(), met, met == 27, pending, levels);
        TopicProbe.send("alf.assessments.v1", unitId,
                JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", Topic.ASSESSMENTS, unitId, data)));
    }
}
