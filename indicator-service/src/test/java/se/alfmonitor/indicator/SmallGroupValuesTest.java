package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import se.alfmonitor.contract.events.AssessmentCompleted.Level;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

/**
 * The small-group rule on indicator values: an outcome figure of units (a catalogue definition with a
 * {@code groupSize}) from 1 or 2 responding units is suppressed for viewers, never shown as 0; monitors and admins see
 * every value. ALF and the nation are suppressed while the suppressed regions they pool hold 1 or 2 units.
 */
@QuarkusTest
class SmallGroupValuesTest {

    @Test
    void aRegionOfOneUnitIsSuppressedForViewersAndSoAreTheAggregatesThatWouldGiveItBack() {
        String campaign = "sg-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        // region 01: three units, one not meeting level 5; region 12: one unit not meeting it
        assess(campaign, "01-A", "01", LevelOutcome.MET);
        assess(campaign, "01-B", "01", LevelOutcome.MET);
        assess(campaign, "01-C", "01", LevelOutcome.NOT_MET);
        assess(campaign, "12-A", "12", LevelOutcome.NOT_MET);
        awaitNation(campaign, period, 4);

        // the viewer: 01 as it is, 12 suppressed with its responding count, never as 0
        viewer("ALF-02", "01", period).body("value", equalTo(66.7f)).body("numerator", equalTo(2))
                .body("suppressed", equalTo(false));
        viewer("ALF-02", "12", period).body("suppressed", equalTo(true)).body("value", nullValue())
                .body("numerator", nullValue()).body("denominator", equalTo(1)).body("orgUnitLevel", equalTo("REGION"))
                .body("inputs.members", equalTo(1)).body("inputs.groupSizeOf", equalTo("ALF-02"));
        viewer("ALF-01.5", "12", period).body("suppressed", equalTo(true)).body("value", nullValue());
        // no unit has results on every research level: a group of none has no figure, so nothing to suppress
        viewer("ALF-03.RESEARCH", "12", period).body("suppressed", equalTo(false)).body("value", nullValue())
                .body("denominator", equalTo(0));
        // ALF-04 counts its units by ALF-02; its own denominator (levels with a share) and sums are not shown
        viewer("ALF-04", "12", period).body("suppressed", equalTo(true)).body("value", nullValue())
                .body("denominator", nullValue()).body("inputs.shareSum", nullValue());
        viewer("ALF-04", "01", period).body("suppressed", equalTo(false)).body("value", equalTo(66.7f));
        // ALF and the nation minus region 01 would be 12's single unit
        viewer("ALF-02", "ALF", period).body("suppressed", equalTo(true)).body("value", nullValue())
                .body("denominator", equalTo(4));
        viewer("ALF-02", "SE", period).body("suppressed", equalTo(true)).body("value", nullValue());
        viewer("ALF-04", "SE", period).body("suppressed", equalTo(true)).body("value", nullValue());

        // the list and its CSV say the same; a suppressed figure is written ".."
        given().auth().oauth2(Tokens.viewer()).queryParam("indicator", "ALF-02").queryParam("period", period)
                .get("/api/values").then().statusCode(200)
                .body("find { it.orgUnit == '12' }.suppressed", equalTo(true))
                .body("find { it.orgUnit == '12' }.value", nullValue())
                .body("find { it.orgUnit == '01' }.value", equalTo(66.7f))
                .body("find { it.orgUnit == 'SE' }.suppressed", equalTo(true));
        String csv = given().auth().oauth2(Tokens.viewer()).accept("text/csv").queryParam("indicator", "ALF-02")
                .queryParam("period", period).get("/api/values").then().statusCode(200).extract().asString();
        assertThat(csv).contains("ALF-02,12,REGION," + period + ",..,1,100,..,")
                .contains("ALF-02,SE,NATION," + period + ",..,4,100,..,")
                .contains("ALF-02,01,REGION," + period + ",2,3,100,66.7,");
        String ofMeans = given().auth().oauth2(Tokens.viewer()).accept("text/csv").queryParam("indicator", "ALF-04")
                .queryParam("orgUnit", "12").queryParam("period", period).get("/api/values").then().statusCode(200)
                .extract().asString();
        assertThat(ofMeans).contains("ALF-04,12,REGION," + period + ",..,..,1,..,");

        // those who may see units see every figure, the small group's 0 included
        for (String token : List.of(Tokens.monitor(), Tokens.admin())) {
            as(token, "ALF-02", "12", period).body("suppressed", equalTo(false)).body("value", equalTo(0.0f))
                    .body("numerator", equalTo(0));
            as(token, "ALF-02", "SE", period).body("suppressed", equalTo(false)).body("value", equalTo(50.0f));
        }
        String monitorCsv = given().auth().oauth2(Tokens.monitor()).accept("text/csv")
                .queryParam("indicator", "ALF-02").queryParam("orgUnit", "12").queryParam("period", period)
                .get("/api/values").then().statusCode(200).extract().asString();
        assertThat(monitorCsv).contains("ALF-02,12,REGION," + period + ",0,1,100,0.0,").doesNotContain("..");
        // the FHIR view stays the monitor's; reporters do not read values
        given().auth().oauth2(Tokens.viewer()).accept("application/fhir+json")
                .get("/api/values/ALF-02/SE/" + period).then().statusCode(403)
                .body("code", equalTo("FHIR_MONITOR_ONLY"));
        given().auth().oauth2(Tokens.reporter("12")).get("/api/values/ALF-02/12/" + period).then().statusCode(403);
        given().get("/api/values/ALF-02/12/" + period).then().statusCode(401);
    }

    @Test
    void theAggregatesAreShownOnceTheSuppressedRegionsTogetherHoldThreeUnits() {
        String campaign = "sg3-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        assess(campaign, "01-A", "01", LevelOutcome.MET);
        assess(campaign, "01-B", "01", LevelOutcome.MET);
        assess(campaign, "01-C", "01", LevelOutcome.MET);
        assess(campaign, "12-A", "12", LevelOutcome.NOT_MET);
        assess(campaign, "03-A", "03", LevelOutcome.MET);
        assess(campaign, "03-B", "03", LevelOutcome.MET);
        awaitNation(campaign, period, 6);

        // 12 (1 unit) and 03 (2 units) are suppressed; together they are 3, so ALF and the nation (5 of 6) are shown
        viewer("ALF-02", "12", period).body("suppressed", equalTo(true));
        viewer("ALF-02", "03", period).body("suppressed", equalTo(true));
        viewer("ALF-02", "ALF", period).body("suppressed", equalTo(false)).body("value", equalTo(83.3f));
        viewer("ALF-02", "SE", period).body("suppressed", equalTo(false)).body("value", equalTo(83.3f));

        // a unit of region 08, outside ALF: the nation minus ALF would give it back, so the nation is suppressed
        assess(campaign, "08-A", "08", LevelOutcome.MET);
        awaitNation(campaign, period, 7);
        viewer("ALF-02", "08", period).body("suppressed", equalTo(true));
        viewer("ALF-02", "ALF", period).body("suppressed", equalTo(false)).body("value", equalTo(83.3f));
        viewer("ALF-02", "SE", period).body("suppressed", equalTo(true)).body("value", nullValue());
        as(Tokens.monitor(), "ALF-02", "SE", period).body("value", equalTo(85.7f));
    }

    @Test
    void theCatalogueSaysWhichIndicatorsCountUnits() {
        given().auth().oauth2(Tokens.viewer()).get("/api/indicators").then().statusCode(200)
                .body("find { it.code == 'ALF-01.5' }.groupSize.denominatorOf", equalTo("ALF-01.5"))
                .body("find { it.code == 'ALF-02' }.groupSize.denominatorOf", equalTo("ALF-02"))
                .body("find { it.code == 'ALF-03.EDUCATION' }.groupSize.denominatorOf", equalTo("ALF-03.EDUCATION"))
                .body("find { it.code == 'ALF-04.RESEARCH' }.groupSize.denominatorOf", equalTo("ALF-02"))
                .body("find { it.code == 'ALF-05' }.groupSize", nullValue())
                .body("find { it.code == 'ALF-06' }.groupSize", nullValue())
                .body("find { it.code == 'CF-01' }.groupSize", nullValue());
    }

    private static void assess(String campaign, String unit, String region, LevelOutcome level5) {
        Events.assessment(campaign, campaign + "-" + unit, region, level5 == LevelOutcome.MET, 0,
                List.of(new Level(5, "RESEARCH", level5, null)));
    }

    private static void awaitNation(String campaign, String period, int units) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(Tokens.monitor(), "ALF-04", "SE", period)
                .body("inputs.levelsWithShare", equalTo(1)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(Tokens.monitor(), "ALF-02", "SE", period)
                .body("denominator", equalTo(units)));
    }

    private static ValidatableResponse viewer(String indicator, String orgUnit, String period) {
        return as(Tokens.viewer(), indicator, orgUnit, period);
    }

    private static ValidatableResponse as(String token, String indicator, String orgUnit, String period) {
        return given().auth().oauth2(token).get("/api/values/" + indicator + "/" + orgUnit + "/" + period)
                .then().statusCode(200);
    }
}
