package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.AssessmentCompleted.Level;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/**
 * The aggregates above units are summed by the roll-up worker, once for many events: what it ends with must be what
 * summing after every single event, and a full rebuild, give.
 */
@QuarkusTest
class RollUpTest {

    private static final List<String> REGIONS = List.of("01", "12", "14", "04");
    private static final int UNITS = 40;

    @Test
    void aBurstOfAssessmentsEndsWithTheSumsOfTheLatestUnitValues() {
        String campaign = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        int[] expectedMet = new int[REGIONS.size()];
        int[] expectedUnits = new int[REGIONS.size()];
        for (int i = 0; i < UNITS; i++) {
            int region = i % REGIONS.size();
            String unit = campaign + "-" + i;
            // a first version meeting level 5, and for every other unit a second one that does not
            Events.assessment(campaign, unit, REGIONS.get(region), 1, false, 0, level5(LevelOutcome.MET));
            boolean second = i % 2 == 0;
            if (second) {
                Events.assessment(campaign, unit, REGIONS.get(region), 2, false, 0, level5(LevelOutcome.NOT_MET));
            }
            expectedMet[region] += second ? 0 : 1;
            expectedUnits[region]++;
        }
        int alfMet = 0;
        int alfUnits = 0;
        for (int r = 0; r < REGIONS.size(); r++) {
            if (!"04".equals(REGIONS.get(r))) {
                alfMet += expectedMet[r];
                alfUnits += expectedUnits[r];
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-01.5", "SE", period)
                .body("denominator", equalTo(UNITS)).body("numerator", equalTo(UNITS / 2)));
        for (int r = 0; r < REGIONS.size(); r++) {
            value("ALF-01.5", REGIONS.get(r), period).body("orgUnitLevel", equalTo("REGION"))
                    .body("numerator", equalTo(expectedMet[r])).body("denominator", equalTo(expectedUnits[r]))
                    .body("inputs.members", equalTo(expectedUnits[r]));
        }
        value("ALF-01.5", "ALF", period).body("numerator", equalTo(alfMet)).body("denominator", equalTo(alfUnits));
        // the level mean above units follows the summed shares
        value("ALF-04", "SE", period).body("value", equalTo(50.0f));

        // a full rebuild from the stored inputs finds nothing to change
        Map<String, Object> before = latest(period);
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(latest(period)).isEqualTo(before);
    }

    @Test
    void eachSingleEventAfterABurstReachesTheNation() {
        String campaign = "single-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        for (int i = 0; i < UNITS; i++) {
            Events.assessment(campaign, campaign + "-" + i, REGIONS.get(i % REGIONS.size()), 1, false, 0,
                    level5(LevelOutcome.MET));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-01.5", "SE", period)
                .body("denominator", equalTo(UNITS)));
        // then one at a time, as units submit at rest: none may wait for a later event to be summed
        for (int i = 0; i < 5; i++) {
            int expected = UNITS + i + 1;
            Events.assessment(campaign, campaign + "-s" + i, REGIONS.get(i % REGIONS.size()), 1, false, 0,
                    level5(LevelOutcome.NOT_MET));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> value("ALF-01.5", "SE", period)
                    .body("denominator", equalTo(expected)).body("numerator", equalTo(UNITS)));
        }
    }

    @Test
    void anUnreadableAssessmentIsParkedAloneAndTheRestOfItsBatchCounts() {
        String campaign = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String poison = campaign + "-unreadable";
        try (TopicProbe dlq = TopicProbe.from("alf.assessments.v1.dlq")) {
            // sent back to back, so that the unreadable record is polled together with the others
            for (int i = 0; i < 10; i++) {
                Events.assessment(campaign, campaign + "-" + i, "01", 1, false, 0, level5(LevelOutcome.MET));
                if (i == 4) {
                    TopicProbe.send("alf.assessments.v1", poison, "{\"specversion\": \"1.0\", \"id\": \"x\"}");
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-01.5", "SE", period)
                    .body("denominator", equalTo(10)).body("numerator", equalTo(10)));
            // the unreadable record was parked, once, and nothing else of its batch
            assertThat(dlq.await(r -> r.key() != null && r.key().startsWith(campaign), 1, Duration.ofSeconds(30)))
                    .extracting(r -> r.key()).containsExactly(poison);
        }
    }

    /** Every latest value of the period, by indicator and org unit, with when it was computed. */
    static Map<String, Object> latest(String period) {
        Map<String, Object> values = new TreeMap<>();
        for (Map<String, Object> v : given().auth().oauth2(Tokens.monitor()).queryParam("period", period)
                .get("/api/values").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")) {
            values.put(v.get("indicator") + "|" + v.get("orgUnit"), v);
        }
        assertThat(values).isNotEmpty();
        return values;
    }

    private static io.restassured.response.ValidatableResponse value(String indicator, String orgUnit,
            String period) {
        return given().auth().oauth2(Tokens.monitor()).get("/api/values/" + indicator + "/" + orgUnit + "/" + period)
                .then().statusCode(200);
    }

    private static List<Level> level5(LevelOutcome outcome) {
        return List.of(new Level(5, "RESEARCH", outcome, null));
    }
}
