package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

/**
 * Unit and region scorecards, completeness and the remediation overview over one campaign with known outcomes:
 * <ul>
 * <li>Region 01: units A (meets all), B (level 3 NOT_MET, level 5 PENDING_REVIEW), E (active, has not answered),
 * D (inactive). Region 12: unit C (level 1 NOT_APPLICABLE, the rest MET).</li>
 * <li>Region 01: levels 3 and 5 at 1/2 = 50.0, the rest 100.0; average (25 × 100 + 2 × 50) / 27 = 96.3; research
 * (levels 2–11) (8 × 100 + 2 × 50) / 10 = 90.0. Nation: levels 3 and 5 at 2/3 = 66.7; average 97.5; research
 * 93.3.</li>
 * <li>An earlier campaign, a day before, where A and B met all levels: region 01 averaged 100.0, so the change is
 * −3.7.</li>
 * <li>Completeness: 01 expects A, B, E (D is inactive) and has A and B: 3, 2, 1 missing, 66.7; 12: 1, 1, 100.0.</li>
 * </ul>
 * Regions 01 and 12 get units from this test only, so the unit register's counts are this test's.
 */
@QuarkusTest
class ScorecardTest {

    private static final String S = Events.suffix();
    private static final String CAMPAIGN = "alf-sc-" + S;
    private static final String EARLIER = "alf-sc-earlier-" + S;
    private static final String A = "01-A-" + S;
    private static final String B = "01-B-" + S;
    private static final String C = "12-C-" + S;
    private static final String D = "01-D-" + S;
    private static final String E = "01-E-" + S;
    private static final String INDICATOR = "T-" + S;

    private static boolean sent;

    /** Once for the class, but after Quarkus has started (a static {@code @BeforeAll} runs before). */
    @BeforeEach
    void campaign() {
        if (sent) {
            return;
        }
        sent = true;
        Events.unit(A, "01", true);
        Events.unit(B, "01", true);
        Events.unit(C, "12", true);
        Events.unit(D, "01", false);
        Events.unit(E, "01", true);
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        Events.assessment(EARLIER, A, "01", twoDaysAgo, n -> LevelOutcome.MET, n -> null);
        Events.assessment(EARLIER, B, "01", twoDaysAgo, n -> LevelOutcome.MET, n -> null);
        Events.assessment(CAMPAIGN, A, "01", dayAgo, n -> LevelOutcome.MET, n -> null);
        Events.assessment(CAMPAIGN, B, "01", dayAgo,
                n -> n == 3 ? LevelOutcome.NOT_MET : n == 5 ? LevelOutcome.PENDING_REVIEW : LevelOutcome.MET,
                n -> n == 3 ? "=HYPERLINK(\"http://example.org\")" : null);
        Events.assessment(CAMPAIGN, C, "12", dayAgo,
                n -> n == 1 ? LevelOutcome.NOT_APPLICABLE : LevelOutcome.MET, n -> null);
        Events.indicator(INDICATOR, "01", "2021", "12", "400", "1000", "30.0");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", CAMPAIGN)
                    .get("/api/regions/01/scorecard").then().statusCode(200)
                    .body("respondingUnits", equalTo(2))
                    .body("trend", hasSize(2))
                    .body("indicators.find { it.indicator == '" + INDICATOR + "' }.value", equalTo(30.0f));
            given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN).get("/api/completeness")
                    .then().statusCode(200)
                    .body("regions.find { it.code == '01' }.expected", equalTo(3))
                    .body("regions.find { it.code == '12' }.submitted", equalTo(1));
        });
    }

    @Test
    void unitScorecardShowsEveryLevelWithItsExplanation() {
        given().auth().oauth2(Tokens.reporter("01")).queryParam("campaignId", CAMPAIGN)
                .get("/api/units/{id}/scorecard", B).then().statusCode(200)
                .body("unitId", equalTo(B))
                .body("unitName", equalTo("Enhet " + B))
                .body("regionCode", equalTo("01"))
                .body("metCount", equalTo(25))
                .body("allMet", equalTo(false))
                .body("pendingReviews", equalTo(1))
                .body("levels", hasSize(27))
                .body("levels[2].number", equalTo(3))
                .body("levels[2].outcome", equalTo("NOT_MET"))
                .body("levels[2].fulfilled", equalTo(false))
                .body("levels[2].labelSv", equalTo("Minst en kliniskt verksam doktorand"))
                .body("levels[2].explanationEn", equalTo("Level 3: NOT_MET"))
                .body("levels[4].outcome", equalTo("PENDING_REVIEW"))
                .body("levels[4].explanation.sv", equalTo("Nivå 5: PENDING_REVIEW"));

        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.admin())) {
            given().auth().oauth2(token).queryParam("campaignId", CAMPAIGN).get("/api/units/{id}/scorecard", C)
                    .then().statusCode(200).body("levels[0].outcome", equalTo("NOT_APPLICABLE"))
                    .body("levels[0].fulfilled", equalTo(true));
        }
    }

    @Test
    void unitScorecardAsCsvKeepsFormulaTextInert() {
        String body = given().auth().oauth2(Tokens.assessor()).accept("text/csv").queryParam("campaignId", CAMPAIGN)
                .get("/api/units/{id}/scorecard", B).then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<List<String>> rows = Events.csv(body);
        assertThat(rows.get(0)).containsExactly("Enhet / Unit", "Nivå / Level", "Område / Area",
                "Benämning / Label", "Utfall / Outcome", "Utfall (text) / Outcome (text)", "Uppfylld / Fulfilled",
                "Förklaring / Explanation (Swedish)", "Förklaring (engelska) / Explanation");
        assertThat(rows).hasSize(28);
        assertThat(Events.row(rows, 1, "3")).containsExactly(B, "3", "Forskning / Research",
                "Minst en kliniskt verksam doktorand", "NOT_MET", "Inte uppfylld / Not met", "false",
                "'=HYPERLINK(\"http://example.org\")", "Level 3: NOT_MET");
    }

    @Test
    void unitScorecardIsUnitDetail() {
        given().queryParam("campaignId", CAMPAIGN).get("/api/units/{id}/scorecard", B).then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN)
                .get("/api/units/{id}/scorecard", B).then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", CAMPAIGN)
                .get("/api/units/{id}/scorecard", B).then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        // another region's unit is 403 even in a campaign it has not answered
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", "alf-none-" + S)
                .get("/api/units/{id}/scorecard", B).then().statusCode(403).body("code", equalTo("OTHER_REGION"));
    }

    @Test
    void unitScorecardErrors() {
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", CAMPAIGN)
                .get("/api/units/{id}/scorecard", "no-such-unit-" + S).then().statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("campaignId", "alf-none-" + S)
                .get("/api/units/{id}/scorecard", E).then().statusCode(404)
                .body("code", equalTo("SCORECARD_NOT_FOUND"));
        // every problem of the request at once
        given().auth().oauth2(Tokens.assessor()).get("/api/units/{id}/scorecard", "bad id!").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors", hasSize(2))
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("/id", "/campaignId"));
    }

    @Test
    void regionScorecardHasLevelsAreasIndicatorsRemediationAndTrend() {
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", CAMPAIGN).get("/api/regions/01/scorecard")
                .then().statusCode(200)
                .body("regionName", equalTo("Stockholm"))
                .body("respondingUnits", equalTo(2))
                .body("averageShare", equalTo(96.3f))
                .body("nationalAverage", equalTo(97.5f))
                .body("unitsMeetingAll.count", equalTo(1))
                .body("unitsMeetingAll.share", equalTo(50.0f))
                .body("levels", hasSize(27))
                .body("levels[2].share", equalTo(50.0f))
                .body("levels[2].nationalShare", equalTo(66.7f))
                .body("levels[2].unmetUnits", equalTo(1))
                .body("levels[4].pendingReviewUnits", equalTo(1))
                .body("levels[0].share", equalTo(100.0f))
                .body("areas.find { it.area == 'RESEARCH' }.share", equalTo(90.0f))
                .body("areas.find { it.area == 'RESEARCH' }.nationalShare", equalTo(93.3f))
                .body("areas.find { it.area == 'RESEARCH' }.labelSv", equalTo("Forskning"))
                .body("areas.find { it.area == 'EDUCATION' }.share", equalTo(100.0f))
                .body("indicators.find { it.indicator == '" + INDICATOR + "' }.numerator", equalTo(12))
                .body("indicators.find { it.indicator == '" + INDICATOR + "' }.denominator", equalTo(400))
                .body("remediation.unmetLevels", equalTo(2))
                .body("remediation.unitsWithUnmetLevels", equalTo(1))
                .body("remediation.pendingReviews", equalTo(1))
                .body("trend[0].campaignId", equalTo(EARLIER))
                .body("trend[0].averageShare", equalTo(100.0f))
                .body("trend[0].change", nullValue())
                .body("trend[1].campaignId", equalTo(CAMPAIGN))
                .body("trend[1].change", equalTo(-3.7f));

        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN).get("/api/regions/03/scorecard")
                .then().statusCode(200).body("respondingUnits", equalTo(0)).body("averageShare", nullValue())
                .body("levels[0].share", nullValue()).body("trend", hasSize(0));
    }

    @Test
    void regionScorecardAsCsv() {
        String body = given().auth().oauth2(Tokens.monitor()).accept("text/csv").queryParam("campaignId", CAMPAIGN)
                .get("/api/regions/01/scorecard").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<List<String>> rows = Events.csv(body);
        assertThat(rows.get(0)).startsWith("Region / Region", "Nivå / Level", "Område / Area", "Benämning / Label",
                "Andel % / Share %", "Riket andel % / National share %");
        assertThat(Events.row(rows, 1, "3").subList(4, 8)).containsExactly("50.0", "66.7", "1", "0");
        List<String> research = rows.stream().filter(r -> r.get(1).isEmpty() && r.get(2).equals("Forskning / Research"))
                .findFirst().orElseThrow();
        assertThat(research.get(3)).isEqualTo("Områdets medelvärde / Area average");
        assertThat(research.subList(4, 6)).containsExactly("90.0", "93.3");
        assertThat(Events.row(rows, 3, "Medelvärde alla nivåer / Average of all levels").subList(4, 8))
                .containsExactly("96.3", "97.5", "2", "1");
    }

    @Test
    void regionScorecardIsAnAggregateForEveryRole() {
        for (String token : List.of(Tokens.viewer(), Tokens.reporter("12"), Tokens.assessor(), Tokens.monitor(),
                Tokens.admin())) {
            given().auth().oauth2(token).queryParam("campaignId", CAMPAIGN).get("/api/regions/01/scorecard")
                    .then().statusCode(200);
        }
        given().queryParam("campaignId", CAMPAIGN).get("/api/regions/01/scorecard").then().statusCode(401);
        given().auth().oauth2(Tokens.token("nobody", java.util.Set.of("other"), null))
                .queryParam("campaignId", CAMPAIGN).get("/api/regions/01/scorecard").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN).get("/api/regions/02/scorecard")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(Tokens.viewer()).get("/api/regions/Stockholm/scorecard").then().statusCode(400)
                .body("errors", hasSize(2));
    }

    @Test
    void completenessCountsActiveUnitsAgainstAnswers() {
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN).get("/api/completeness")
                .then().statusCode(200)
                .body("regions", hasSize(7))
                .body("regions.find { it.code == '01' }.expected", equalTo(3))
                .body("regions.find { it.code == '01' }.submitted", equalTo(2))
                .body("regions.find { it.code == '01' }.missing", equalTo(1))
                .body("regions.find { it.code == '01' }.share", equalTo(66.7f))
                .body("regions.find { it.code == '12' }.share", equalTo(100.0f));

        String body = given().auth().oauth2(Tokens.viewer()).accept("text/csv").queryParam("campaignId", CAMPAIGN)
                .get("/api/completeness").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<List<String>> rows = Events.csv(body);
        assertThat(rows.get(0)).containsExactly("Regionkod / Region code", "Region / Region",
                "Förväntade enheter / Expected units", "Inskickade / Submitted", "Saknas / Missing",
                "Andel inskickade % / Share submitted %");
        assertThat(Events.row(rows, 0, "01")).containsExactly("01", "Stockholm", "3", "2", "1", "66.7");

        given().queryParam("campaignId", CAMPAIGN).get("/api/completeness").then().statusCode(401);
        given().auth().oauth2(Tokens.token("nobody", java.util.Set.of("other"), null))
                .queryParam("campaignId", CAMPAIGN).get("/api/completeness").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get("/api/completeness").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/campaignId"));
    }

    @Test
    void remediationOverviewCountsUnmetLevelsAndNamesUnitsOnlyToThoseAllowed() {
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", CAMPAIGN).get("/api/remediation")
                .then().statusCode(200)
                .body("regions.find { it.code == '01' }.unmetLevels", equalTo(2))
                .body("regions.find { it.code == '01' }.unitsWithUnmetLevels", equalTo(1))
                .body("regions.find { it.code == '01' }.pendingReviews", equalTo(1))
                .body("regions.find { it.code == '01' }.byLevel.'3'", equalTo(1))
                .body("regions.find { it.code == '01' }.byLevel.'4'", equalTo(0))
                .body("regions.find { it.code == '12' }.unmetLevels", equalTo(0));
        List<List<String>> rows = Events.csv(given().auth().oauth2(Tokens.monitor()).accept("text/csv")
                .queryParam("campaignId", CAMPAIGN).get("/api/remediation").then().statusCode(200)
                .extract().asString());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("01", "Stockholm", "3", "1", "2");

        given().auth().oauth2(Tokens.reporter("01")).queryParam("campaignId", CAMPAIGN)
                .get("/api/remediation/units").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].unitId", equalTo(B))
                .body("items[0].level", equalTo(3))
                .body("items[1].outcome", equalTo("PENDING_REVIEW"));
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", CAMPAIGN)
                .get("/api/remediation/units").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", CAMPAIGN).queryParam("regionCode", "01")
                .get("/api/remediation/units").then().statusCode(200).body("items", hasSize(2));
        List<List<String>> units = Events.csv(given().auth().oauth2(Tokens.assessor()).accept("text/csv")
                .queryParam("campaignId", CAMPAIGN).get("/api/remediation/units").then().statusCode(200)
                .extract().asString());
        assertThat(units.get(1)).containsExactly("01", B, "Enhet " + B, "3", "Forskning / Research",
                "Minst en kliniskt verksam doktorand", "NOT_MET", "Inte uppfylld / Not met");

        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", CAMPAIGN)
                .queryParam("regionCode", "01").get("/api/remediation/units").then().statusCode(403)
                .body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", CAMPAIGN).get("/api/remediation/units")
                .then().statusCode(403);
        given().queryParam("campaignId", CAMPAIGN).get("/api/remediation").then().statusCode(401);
        given().auth().oauth2(Tokens.assessor()).queryParam("regionCode", "1").get("/api/remediation/units")
                .then().statusCode(400).body("errors", hasSize(2));
    }

    /** A count indicator has no denominator; its values are kept and served like any other. */
    @Test
    void countIndicatorsWithoutDenominatorAreKept() {
        String code = "T-COUNT-" + Events.suffix();
        Events.indicator(code, "01", "2020", "7", null, "1", "7");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .queryParam("orgUnit", "01").get("/api/indicators/{code}/series", code).then().statusCode(200)
                .body("points", hasSize(1)).body("points[0].numerator", equalTo(7))
                .body("points[0].denominator", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void indicatorSeriesAsCsv() {
        List<List<String>> rows = Events.csv(given().auth().oauth2(Tokens.viewer()).accept("text/csv")
                .queryParam("orgUnit", "01").get("/api/indicators/{code}/series", INDICATOR).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString());
        assertThat(rows.get(0)).startsWith("Indikator / Indicator", "Organisationsenhet / Org unit",
                "Period / Period", "Täljare / Numerator", "Nämnare / Denominator", "Faktor / Factor",
                "Värde / Value");
        assertThat(rows.get(1).subList(0, 7)).containsExactly(INDICATOR, "01", "2021", "12", "400", "1000", "30.0");
        given().accept("text/csv").queryParam("orgUnit", "01").get("/api/indicators/{code}/series", INDICATOR)
                .then().statusCode(401);
    }
}
