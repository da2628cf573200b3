package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.Suite.Service;

/** Base of the end-to-end tests: the shared suite, started once per JVM, and tokens from its Keycloak. */
abstract class AgainstRunningSuite {

    static Suite suite;
    static RealmTokens tokens;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        tokens = suite.tokens();
    }

    /** Opens a campaign of its own for a test's data, on questionnaire alf-usve 2021 and the period 2018-2021. */
    static void openCampaign(String campaignId) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                        "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                        "status", "OPEN"))
                .put("/api/campaigns/{id}", campaignId)
                .then().statusCode(201);
    }

    /** Registers a unit (direct patient contact, designated 2017) and submits {@code answers} as its region's system. */
    static void registerAndSubmit(String campaignId, String unitId, String name, String region,
            Map<String, Object> answers) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", region, "directPatientContact", true, "designatedYear", 2017))
                .put("/api/units/{id}", unitId)
                .then().statusCode(201);
        UUID submissionId = UUID.randomUUID();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(region)).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaignId, "unitId", unitId, "answers", answers))
                .put("/api/submissions/{id}", submissionId)
                .then().statusCode(201);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(region))
                .post("/api/submissions/{id}/submit", submissionId)
                .then().statusCode(200);
    }
}
