package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.AssessmentCompleted.Level;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class LevelSharesTest {

    @Test
    void perLevelSharesCountNotApplicableAsFulfilledAndLeavePendingUnitsOut() {
        String campaign = "lvl-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String a = campaign + "-A";
        String b = campaign + "-B";
        String c = campaign + "-C";
        // level 5: A met, B not applicable, C pending review; level 6: A met, B not met, C met
        Events.assessment(campaign, a, "14", false, 0, levels(LevelOutcome.MET, LevelOutcome.MET));
        Events.assessment(campaign, b, "14", false, 0, levels(LevelOutcome.NOT_APPLICABLE, LevelOutcome.NOT_MET));
        Events.assessment(campaign, c, "18", false, 1, levels(LevelOutcome.PENDING_REVIEW, LevelOutcome.MET));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("indicator", "ALF-01.6").queryParam("orgUnit", "SE").queryParam("period", period)
                .get("/api/values").then().statusCode(200).body("[0].denominator", equalTo(3)));

        value("ALF-01.6", "SE", period).body("numerator", equalTo(2)).body("value", equalTo(66.7f));
        value("ALF-01.5", "SE", period).body("numerator", equalTo(2)).body("denominator", equalTo(2))
                .body("value", equalTo(100.0f));
        value("ALF-01.5", "14", period).body("orgUnitLevel", equalTo("REGION")).body("value", equalTo(100.0f));
        // the pending unit has no value on the level and is shown as provisional in the inputs
        value("ALF-01.5", "18", period).body("denominator", equalTo(0)).body("value", equalTo(null))
                .body("inputs.counts.pendingUnits", equalTo(1));
        value("ALF-01.5", "ALF", period).body("inputs.members", equalTo(3));
        // ALF-04: the unweighted mean of the level shares at each org unit, never a mean of means
        value("ALF-04", "SE", period).body("value", equalTo(83.3f)).body("denominator", equalTo(2));
        value("ALF-04.RESEARCH", "SE", period).body("value", equalTo(83.3f));
        value("ALF-04", "14", period).body("value", equalTo(75.0f));
        value("ALF-04", "18", period).body("value", equalTo(100.0f)).body("inputs.levelsWithShare", equalTo(1));
        value("ALF-04.EDUCATION", "SE", period).body("value", equalTo(null));
        // ALF-02 leaves the unit awaiting a review out of numerator and denominator
        value("ALF-02", "SE", period).body("numerator", equalTo(0)).body("denominator", equalTo(2));
    }

    @Test
    void unitValuesNeedMonitorOrAdmin() {
        String campaign = "lvu-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String unit = campaign + "-U";
        Events.assessment(campaign, unit, "01", true, 0, levels(LevelOutcome.MET, LevelOutcome.MET));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .get("/api/values/ALF-01.5/" + unit + "/" + period).then().statusCode(200)
                .body("orgUnitLevel", equalTo("UNIT")).body("value", equalTo(100.0f)));
        given().auth().oauth2(Tokens.admin()).get("/api/values/ALF-01.5/" + unit + "/" + period)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.viewer()).get("/api/values/ALF-01.5/" + unit + "/" + period)
                .then().statusCode(403).body("code", equalTo("UNIT_LEVEL"));
        given().auth().oauth2(Tokens.viewer()).get("/api/values/ALF-01.5/01/" + period)
                .then().statusCode(200).body("orgUnitLevel", equalTo("REGION"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/values/ALF-01.5/01/" + period)
                .then().statusCode(403);
        given().get("/api/values/ALF-01.5/01/" + period).then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).get("/api/values/ALF-01.5/01/nope")
                .then().statusCode(404).body("code", equalTo("VALUE_NOT_FOUND"));
    }

    private static io.restassured.response.ValidatableResponse value(String indicator, String orgUnit,
            String period) {
        return given().auth().oauth2(Tokens.monitor()).get("/api/values/" + indicator + "/" + orgUnit + "/" + period)
                .then().statusCode(200);
    }

    private static List<Level> levels(LevelOutcome five, LevelOutcome six) {
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(5, "RESEARCH", five, null));
        levels.add(new Level(6, "RESEARCH", six, null));
        return levels;
    }
}
