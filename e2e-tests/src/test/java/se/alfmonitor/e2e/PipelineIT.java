package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The walking skeleton: a submission accepted by survey-service is assessed, turned into indicators and shown by
 * reporting-service, through a standalone broker, four separate processes and tokens from the real Keycloak. It looks
 * only at its own unit (and at a count it reads before), so it passes in any order of the test classes.
 */
@Order(1)
class PipelineIT extends AgainstRunningSuite {

    @Test
    void submissionFlowsThroughAssessmentAndIndicatorsToReporting() {
        String unitId = "14-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E-kliniken", "regionCode", "14", "directPatientContact", true,
                        "designatedYear", 2017))
                .put("/api/units/{id}", unitId)
                .then().statusCode(201);

        Integer respondingBefore = given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("viewer"))
                .queryParam("campaignId", "alf-2018-2021").get("/api/compliance").then().statusCode(200).extract()
                .path("regions.find { it.code == '14' }.respondingUnits");
        int before = respondingBefore == null ? 0 : respondingBefore;

        UUID submissionId = UUID.randomUUID();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("14")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Fixtures.completeAlfUsve()))
                .put("/api/submissions/{id}", submissionId)
                .then().statusCode(201);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("14"))
                .post("/api/submissions/{id}/submit", submissionId)
                .then().statusCode(200).body("revision", equalTo(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(suite.url(Service.ASSESSMENT))
                .auth().oauth2(tokens.region("14")).queryParam("unitId", unitId).get("/api/assessments")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].submissionId", equalTo(submissionId.toString()))
                // the complete answer set meets every level the rules decide; the two examples await an assessor
                .body("[0].levels", hasSize(27))
                .body("[0].levels.findAll { it.outcome == 'NOT_MET' }", hasSize(0))
                .body("[0].levels.findAll { it.outcome == 'PENDING_REVIEW' }.number", containsInAnyOrder(18, 23))
                .body("[0].pendingReviews", equalTo(2))
                .body("[0].metCount", equalTo(25))
                .body("[0].allMet", equalTo(false)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(suite.url(Service.INDICATOR))
                .auth().oauth2(tokens.nationalMonitor()).queryParam("indicator", "ALF-02").queryParam("orgUnit", unitId)
                .get("/api/values")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].period", equalTo("2018-2021")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("viewer")).queryParam("campaignId", "alf-2018-2021").get("/api/compliance")
                .then().statusCode(200)
                .body("regions.find { it.code == '14' }.respondingUnits", greaterThanOrEqualTo(before + 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.region("14")).queryParam("campaignId", "alf-2018-2021")
                .get("/api/units/{id}/scorecard", unitId)
                .then().statusCode(200)
                .body("unitName", equalTo("E2E-kliniken"))
                .body("submissionRevision", equalTo(1))
                .body("metCount", equalTo(25))
                .body("pendingReviews", equalTo(2))
                .body("levels", hasSize(27)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("viewer")).queryParam("orgUnit", "14").get("/api/indicators/ALF-02/series")
                .then().statusCode(200).body("points.period", hasItem("2018-2021")));
    }
}
