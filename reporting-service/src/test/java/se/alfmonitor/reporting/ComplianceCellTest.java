package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

/**
 * The units behind a cell of the compliance matrix ({@code GET /api/compliance/cell}) are unit detail: assessor,
 * monitor, admin and the region's own reporter read them; a viewer, a reporter of another region and a request
 * without a token are refused. And the indicators a page offers to choose from ({@code GET /api/indicators}).
 */
@QuarkusTest
class ComplianceCellTest {

    @Test
    void listsTheRegionsRespondingUnitsWithTheirOutcomeOfTheLevelNotMetFirst() {
        String s = Events.suffix();
        String campaign = "alf-cell-" + s;
        Events.unit("05-A-" + s, "05", true);
        Events.unit("05-B-" + s, "05", true);
        Events.unit("05-C-" + s, "05", true);
        Events.assessment(campaign, "05-A-" + s, "05", n -> LevelOutcome.MET);
        Events.assessment(campaign, "05-B-" + s, "05", n -> n == 4 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        Events.assessment(campaign, "05-C-" + s, "05", n -> n == 4 ? LevelOutcome.PENDING_REVIEW
                : n == 5 ? LevelOutcome.NOT_APPLICABLE : LevelOutcome.MET);
        Events.assessment(campaign, "01-A-" + s, "01", n -> LevelOutcome.NOT_MET);
        awaitResponding(campaign, 4);
        // the unit register is another topic: wait for the names too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("campaignId", campaign).queryParam("level", 4).queryParam("regionCode", "05")
                .get("/api/compliance/cell").then().statusCode(200)
                .body("units.unitName", everyItem(notNullValue())));

        for (String token : List.of(Tokens.monitor(), Tokens.assessor(), Tokens.admin(), Tokens.reporter("05"))) {
            given().auth().oauth2(token).queryParam("campaignId", campaign).queryParam("level", 4)
                    .queryParam("regionCode", "05").get("/api/compliance/cell")
                    .then().statusCode(200)
                    .body("campaignId", equalTo(campaign))
                    .body("level", equalTo(4))
                    .body("regionCode", equalTo("05"))
                    .body("regionName", equalTo("Östergötland"))
                    .body("responding", equalTo(3))
                    .body("fulfilled", equalTo(1))
                    .body("units.unitId", contains("05-B-" + s, "05-C-" + s, "05-A-" + s))
                    .body("units.find { it.unitId == '05-A-" + s + "' }.outcome", equalTo("MET"))
                    .body("units.find { it.unitId == '05-B-" + s + "' }.outcome", equalTo("NOT_MET"))
                    .body("units.find { it.unitId == '05-C-" + s + "' }.outcome", equalTo("PENDING_REVIEW"))
                    .body("units.find { it.unitId == '05-A-" + s + "' }.fulfilled", equalTo(true))
                    .body("units.find { it.unitId == '05-B-" + s + "' }.fulfilled", equalTo(false))
                    .body("units.find { it.unitId == '05-B-" + s + "' }.unitName", equalTo("Enhet 05-B-" + s))
                    .body("units.unitId", not(hasItem("01-A-" + s)));
        }
        // not applicable counts as fulfilled, as in the matrix: level 5 is met by A and B, not applicable to C
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", campaign).queryParam("level", 5)
                .queryParam("regionCode", "05").get("/api/compliance/cell")
                .then().statusCode(200)
                .body("fulfilled", equalTo(3))
                .body("units.find { it.unitId == '05-C-" + s + "' }.outcome", equalTo("NOT_APPLICABLE"))
                .body("units.find { it.unitId == '05-C-" + s + "' }.fulfilled", equalTo(true));
        // the same figures as the matrix cell
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200)
                .body("levels.find { it.number == 4 }.cells.'05'.responding", equalTo(3))
                .body("levels.find { it.number == 4 }.cells.'05'.met", equalTo(1));
    }

    @Test
    void viewersAndOtherRegionsReportersAreRefusedAndNoTokenIs401() {
        String campaign = "alf-cell-auth-" + Events.suffix();
        given().queryParam("campaignId", campaign).queryParam("level", 4).queryParam("regionCode", "05")
                .get("/api/compliance/cell").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).queryParam("level", 4)
                .queryParam("regionCode", "05").get("/api/compliance/cell").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).queryParam("campaignId", campaign).queryParam("level", 4)
                .queryParam("regionCode", "05").get("/api/compliance/cell").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.token("reporter-without-region", java.util.Set.of("reporter"), null))
                .queryParam("campaignId", campaign).queryParam("level", 4).queryParam("regionCode", "05")
                .get("/api/compliance/cell").then().statusCode(403)
                .body("code", equalTo("REGION_CLAIM_MISSING"));
        given().auth().oauth2(Tokens.reporter("05")).queryParam("campaignId", campaign).queryParam("level", 4)
                .queryParam("regionCode", "05").get("/api/compliance/cell").then().statusCode(200)
                .body("responding", equalTo(0))
                .body("units", hasSize(0));
    }

    @Test
    void badInputIsEveryProblemAtOnceAndUnknownRegionOrLevelIs404() {
        given().auth().oauth2(Tokens.monitor()).queryParam("level", 0).queryParam("regionCode", "x")
                .get("/api/compliance/cell").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors.pointer", containsInAnyOrder("/campaignId", "/level", "/regionCode"));
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", "alf-x").queryParam("level", 4)
                .queryParam("regionCode", "99").get("/api/compliance/cell").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", "alf-x").queryParam("level", 28)
                .queryParam("regionCode", "05").get("/api/compliance/cell").then().statusCode(404)
                .body("code", equalTo("LEVEL_NOT_FOUND"));
    }

    @Test
    void indicatorsListTheCodesWithValuesForRegionsOrTheNationToEveryRole() {
        String code = "CELL-" + Events.suffix();
        Events.indicator(code, "SE", "2020", "3", "4", "100", "75.0");
        Events.indicator(code, "14", "2020", "1", "2", "100", "50.0");
        Events.indicator(code, "14", "2021", "2", "2", "100", "100.0");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/indicators").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.periods", equalTo(2)));
        for (String token : List.of(Tokens.viewer(), Tokens.reporter("03"), Tokens.assessor(), Tokens.monitor(),
                Tokens.admin())) {
            given().auth().oauth2(token).get("/api/indicators").then().statusCode(200)
                    .body("find { it.code == '" + code + "' }.orgUnits", contains("14", "SE"))
                    .body("find { it.code == '" + code + "' }.firstPeriod", equalTo("2020"))
                    .body("find { it.code == '" + code + "' }.latestPeriod", equalTo("2021"));
        }
        given().get("/api/indicators").then().statusCode(401);
        given().auth().oauth2(Tokens.forAnotherClient()).get("/api/indicators").then().statusCode(401);
    }

    private static void awaitResponding(String campaign, int units) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("campaignId", campaign).get("/api/compliance").then().statusCode(200)
                .body("regions.respondingUnits.sum()", equalTo(units)));
    }
}
