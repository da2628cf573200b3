package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

/**
 * The small-group rule: figures of a region with 1 or 2 responding units are shown only to those who may see those
 * units (assessor, monitor, admin, the region's own reporter); the national figures are suppressed too while the
 * suppressed regions hold fewer than 3 units between them, since the nation minus the regions shown would give them
 * back.
 */
@QuarkusTest
class SmallGroupsTest {

    @Test
    void aRegionWithFewerThanThreeRespondingUnitsIsSuppressedForThoseWhoMayNotSeeItsUnits() {
        String s = Events.suffix();
        String campaign = "alf-small-" + s;
        // region 01: three units, one missing level 27; region 12: one unit missing level 27
        Events.assessment(campaign, "01-A-" + s, "01", n -> LevelOutcome.MET);
        Events.assessment(campaign, "01-B-" + s, "01", n -> LevelOutcome.MET);
        Events.assessment(campaign, "01-C-" + s, "01", n -> n == 27 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        Events.assessment(campaign, "12-A-" + s, "12", n -> n == 27 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        awaitResponding(campaign, 4);

        // a viewer: 12 suppressed (shown as suppressed with its responding count, never as 0), the nation too,
        // because nation minus 01 would be 12's single unit
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("suppression.minimumUnits", equalTo(3))
                .body("suppression.regions", contains("12"))
                .body("suppression.national", equalTo(true))
                .body("levels.find { it.number == 27 }.shares.'01'", equalTo(66.7f))
                .body("levels.find { it.number == 27 }.cells.'01'.notMet", equalTo(1))
                .body("levels.find { it.number == 27 }.shares.'12'", nullValue())
                .body("levels.find { it.number == 27 }.cells.'12'.suppressed", equalTo(true))
                .body("levels.find { it.number == 27 }.cells.'12'.responding", equalTo(1))
                .body("levels.find { it.number == 27 }.cells.'12'.met", nullValue())
                .body("levels.find { it.number == 27 }.cells.'12'.notMet", nullValue())
                .body("levels.find { it.number == 27 }.nationalShare", nullValue())
                .body("levels.find { it.number == 27 }.national.suppressed", equalTo(true))
                .body("regions.find { it.code == '12' }.respondingUnits", equalTo(1))
                .body("regions.find { it.code == '12' }.averageShare", nullValue())
                .body("regions.find { it.code == '12' }.suppressed", equalTo(true))
                .body("regions.find { it.code == '01' }.suppressed", equalTo(false))
                .body("unitsMeetingAll.byRegion.'12'.count", nullValue())
                .body("unitsMeetingAll.byRegion.'01'.count", equalTo(2))
                .body("unitsMeetingAll.count", nullValue())
                .body("nationalAverage", nullValue());

        // the CSV writes a suppressed figure as "..", as official statistics do; columns: 01 03 05 12 14 18 24, nation
        List<List<String>> rows = Events.csv(given().auth().oauth2(Tokens.viewer()).accept("text/csv")
                .queryParam("campaignId", campaign).get("/api/compliance").then().statusCode(200).extract()
                .asString());
        List<String> level27 = Events.row(rows, 0, "27");
        assertThat(List.of(level27.get(3), level27.get(6), level27.get(10))).containsExactly("66.7", "..", "..");
        assertThat(Events.row(rows, 0, "Svarande enheter / Responding units").get(6)).isEqualTo("1");

        // the region's own reporter sees its unit's figures; the nation stays hidden from it only if another small
        // region would be given away, which is not the case here
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("suppression.regions", empty())
                .body("suppression.national", equalTo(false))
                .body("levels.find { it.number == 27 }.shares.'12'", equalTo(0.0f))
                .body("levels.find { it.number == 27 }.nationalShare", equalTo(50.0f));
        // a reporter of another region is a viewer of region 12
        given().auth().oauth2(Tokens.reporter("01")).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("suppression.regions", contains("12"))
                .body("suppression.national", equalTo(true));
        // those who may see every unit see every figure
        for (String token : List.of(Tokens.monitor(), Tokens.assessor(), Tokens.admin())) {
            given().auth().oauth2(token).queryParam("campaignId", campaign).get("/api/compliance")
                    .then().statusCode(200)
                    .body("suppression.regions", empty())
                    .body("levels.find { it.number == 27 }.cells.'12'.notMet", equalTo(1))
                    .body("levels.find { it.number == 27 }.nationalShare", equalTo(50.0f));
        }

        // the same rule on the region's scorecard and the remediation overview
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/regions/12/scorecard")
                .then().statusCode(200)
                .body("respondingUnits", equalTo(1))
                .body("averageShare", nullValue())
                .body("levels.find { it.number == 27 }.share", nullValue())
                .body("levels.find { it.number == 27 }.unmetUnits", nullValue())
                .body("levels.find { it.number == 27 }.nationalShare", nullValue())
                .body("remediation.unmetLevels", nullValue())
                .body("unitsMeetingAll.count", nullValue())
                .body("trend.find { it.campaignId == '" + campaign + "' }.averageShare", nullValue())
                .body("trend.find { it.campaignId == '" + campaign + "' }.respondingUnits", equalTo(1))
                .body("suppression.regions", contains("12"));
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", campaign)
                .get("/api/regions/12/scorecard").then().statusCode(200)
                .body("levels.find { it.number == 27 }.unmetUnits", equalTo(1))
                .body("remediation.unmetLevels", equalTo(1));
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/remediation")
                .then().statusCode(200)
                .body("regions.find { it.code == '12' }.respondingUnits", equalTo(1))
                .body("regions.find { it.code == '12' }.unmetLevels", nullValue())
                .body("regions.find { it.code == '12' }.byLevel", nullValue())
                .body("regions.find { it.code == '01' }.unmetLevels", equalTo(1));
        List<List<String>> remediation = Events.csv(given().auth().oauth2(Tokens.viewer()).accept("text/csv")
                .queryParam("campaignId", campaign).get("/api/remediation").then().statusCode(200).extract()
                .asString());
        assertThat(Events.row(remediation, 0, "12").get(3)).isEqualTo("..");
    }

    @Test
    void theNationIsShownOnceTheSuppressedRegionsTogetherHoldThreeUnits() {
        String s = Events.suffix();
        String campaign = "alf-small3-" + s;
        Events.assessment(campaign, "01-A-" + s, "01", n -> LevelOutcome.MET);
        Events.assessment(campaign, "01-B-" + s, "01", n -> LevelOutcome.MET);
        Events.assessment(campaign, "01-C-" + s, "01", n -> LevelOutcome.MET);
        Events.assessment(campaign, "12-A-" + s, "12", n -> n == 27 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        Events.assessment(campaign, "03-A-" + s, "03", n -> LevelOutcome.MET);
        Events.assessment(campaign, "03-B-" + s, "03", n -> LevelOutcome.MET);
        awaitResponding(campaign, 6);

        // 12 (1 unit) and 03 (2 units) are suppressed; together they are 3 units, so the nation (5 of 6) is shown
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("suppression.regions", containsInAnyOrder("03", "12"))
                .body("suppression.national", equalTo(false))
                .body("levels.find { it.number == 27 }.shares.'03'", nullValue())
                .body("levels.find { it.number == 27 }.shares.'12'", nullValue())
                .body("levels.find { it.number == 27 }.nationalShare", equalTo(83.3f))
                .body("unitsMeetingAll.count", equalTo(5));
    }

    private static void awaitResponding(String campaign, int units) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("campaignId", campaign).get("/api/compliance").then().statusCode(200)
                .body("regions.respondingUnits.sum()", equalTo(units)));
    }
}
