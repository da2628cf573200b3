package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

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

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .queryParam("campaignId", campaign).get("/api/compliance")
                .then().statusCode(200).body("unitsMeetingAll.count", equalTo(1))
                .body("regions.find { it.code == '12' }.respondingUnits", equalTo(1))
                .body("regions.find { it.code == '01' }.respondingUnits", equalTo(2)));

        given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", campaign).get("/api/compliance")
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
                .body("unitsMeetingAll.byRegion.'12'.count", equalTo(0))
                // the counts behind each share: met + not applicable + pending review + not met = responding
                .body("levels.find { it.number == 27 }.cells.'01'.met", equalTo(1))
                .body("levels.find { it.number == 27 }.cells.'01'.notMet", equalTo(1))
                .body("levels.find { it.number == 27 }.cells.'01'.responding", equalTo(2))
                .body("levels.find { it.number == 27 }.cells.'01'.share", equalTo(50.0f))
                .body("levels.find { it.number == 5 }.cells.'12'.pendingReview", equalTo(1))
                .body("levels.find { it.number == 5 }.cells.'12'.notMet", equalTo(0))
                .body("levels.find { it.number == 1 }.cells.'12'.notApplicable", equalTo(1))
                .body("levels.find { it.number == 1 }.cells.'12'.met", equalTo(0))
                .body("levels.find { it.number == 27 }.national.met", equalTo(2))
                .body("levels.find { it.number == 27 }.national.notMet", equalTo(1))
                .body("levels.find { it.number == 27 }.national.responding", equalTo(3))
                .body("levels.find { it.number == 27 }.cells.'03'.responding", equalTo(0))
                .body("levels.find { it.number == 27 }.cells.'03'.share", nullValue())
                .body("suppression.regions", org.hamcrest.Matchers.empty())
                .body("suppression.national", equalTo(false));

        // the same figures as CSV; columns: level, area, label, the seven regions (01 03 05 12 14 18 24), nation
        String body = given().auth().oauth2(Tokens.monitor()).accept("text/csv").queryParam("campaignId", campaign)
                .get("/api/compliance").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<List<String>> rows = Events.csv(body);
        assertThat(rows).hasSize(1 + 27 + 4);
        assertThat(rows.get(0)).startsWith("Nivå / Level", "Område / Area", "Benämning / Label",
                "Stockholm (01) andel % / Stockholm (01) share %");
        assertThat(rows.get(0).get(6)).isEqualTo("Skåne (12) andel % / Skåne (12) share %");
        assertThat(rows.get(0).get(10)).isEqualTo("Riket andel % / National share %");
        List<String> level27 = Events.row(rows, 0, "27");
        assertThat(List.of(level27.get(3), level27.get(4), level27.get(6), level27.get(10)))
                .containsExactly("50.0", "", "100.0", "66.7");
        List<String> level5 = Events.row(rows, 0, "5");
        assertThat(List.of(level5.get(3), level5.get(6), level5.get(10))).containsExactly("100.0", "0.0", "66.7");
        assertThat(Events.row(rows, 0, "1").get(1)).isEqualTo("Allmänt / General");
        List<String> average = Events.row(rows, 0, "Medelvärde % / Average share %");
        assertThat(List.of(average.get(3), average.get(4), average.get(6), average.get(10)))
                .containsExactly("98.1", "", "96.3", "97.5");
        List<String> responding = Events.row(rows, 0, "Svarande enheter / Responding units");
        assertThat(List.of(responding.get(3), responding.get(4), responding.get(6), responding.get(10)))
                .containsExactly("2", "0", "1", "3");
        List<String> allCount = Events.row(rows, 0, "Uppfyller alla nivåer, antal / Meeting all levels, count");
        assertThat(List.of(allCount.get(3), allCount.get(6), allCount.get(10))).containsExactly("1", "0", "1");
        List<String> allShare = Events.row(rows, 0, "Uppfyller alla nivåer, andel % / Meeting all levels, share %");
        assertThat(List.of(allShare.get(3), allShare.get(4), allShare.get(6), allShare.get(10)))
                .containsExactly("50.0", "", "0.0", "33.3");
    }

    @Test
    void aMissingCampaignIsAValidationError() {
        given().auth().oauth2(Tokens.viewer()).get("/api/compliance").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].pointer", equalTo("/campaignId"));
    }

    @Test
    void everyRoleMayReadTheMatrixAndCsvNeedsATokenToo() {
        for (String token : List.of(Tokens.viewer(), Tokens.reporter("03"), Tokens.assessor(), Tokens.monitor(),
                Tokens.admin())) {
            given().auth().oauth2(token).queryParam("campaignId", "alf-none").get("/api/compliance")
                    .then().statusCode(200).body("regions", org.hamcrest.Matchers.hasSize(7));
        }
        given().accept("text/csv").queryParam("campaignId", "alf-none").get("/api/compliance")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.token("nobody", java.util.Set.of("other"), null))
                .queryParam("campaignId", "alf-none").get("/api/compliance").then().statusCode(403);
    }

    /**
     * The campaigns a page offers instead of a typed id: those with assessments, with their responding units, the
     * one assessed last first; any role reads them, nobody without a token or a role.
     */
    @Test
    void theCampaignsWithAssessmentsAreListedNewestFirst() throws Exception {
        String older = "alf-list-" + UUID.randomUUID().toString().substring(0, 8);
        String newer = "alf-list-" + UUID.randomUUID().toString().substring(0, 8);
        send(older, "01-A", "01", n -> LevelOutcome.MET);
        send(older, "12-B", "12", n -> LevelOutcome.MET);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/compliance/campaigns").then().statusCode(200)
                .body("find { it.campaignId == '" + older + "' }.respondingUnits", equalTo(2)));
        send(newer, "03-C", "03", n -> LevelOutcome.MET);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/compliance/campaigns").then().statusCode(200)
                .body("find { it.campaignId == '" + newer + "' }.respondingUnits", equalTo(1)));

        for (String token : List.of(Tokens.viewer(), Tokens.reporter("03"), Tokens.assessor(), Tokens.monitor(),
                Tokens.admin())) {
            List<String> campaigns = given().auth().oauth2(token).get("/api/compliance/campaigns").then()
                    .statusCode(200).extract().jsonPath().getList("campaignId", String.class);
            assertThat(campaigns).contains(older, newer);
            assertThat(campaigns.indexOf(newer)).as("the campaign assessed last comes first")
                    .isLessThan(campaigns.indexOf(older));
        }
        given().auth().oauth2(Tokens.viewer()).get("/api/compliance/campaigns").then().statusCode(200)
                .body("find { it.campaignId == '" + older + "' }.firstAssessedAt", org.hamcrest.Matchers.notNullValue())
                .body("campaignId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("alf-none")));
        given().get("/api/compliance/campaigns").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.token("nobody", java.util.Set.of("other"), null))
                .get("/api/compliance/campaigns").then().statusCode(403);
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
