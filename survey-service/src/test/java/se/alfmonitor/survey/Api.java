package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import se.alfmonitor.testing.Tokens;

/** Small helpers over the public API; ids are random so that tests sharing the database never collide. */
final class Api {

    static final String ALF = "alf-2018-2021";

    private Api() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an active unit with direct patient contact in {@code region} and returns its id. */
    static String unit(String region) {
        String id = region + "-T-" + suffix();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Testkliniken " + id, "regionCode", region, "directPatientContact", true,
                        "designatedYear", 2016))
                .put("/api/units/{id}", id)
                .then().statusCode(201);
        return id;
    }

    /** Creates a campaign of its own, so a test can close or lock it without disturbing others. */
    static String campaign(String questionnaireKey, String status) {
        String id = "test-" + questionnaireKey + "-" + suffix();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", questionnaireKey, "version", "2021"),
                        "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                        "opens", "2022-02-15", "closes", "2022-06-28", "status", status))
                .put("/api/campaigns/{id}", id)
                .then().statusCode(201);
        return id;
    }

    static ValidatableResponse putDraft(String token, UUID id, String campaignId, String unitId, Object answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaignId, "unitId", unitId, "answers", answers))
                .put("/api/submissions/{id}", id)
                .then();
    }

    static ValidatableResponse submit(String token, UUID id) {
        return given().auth().oauth2(token).post("/api/submissions/{id}/submit", id).then();
    }

    /** A unit of {@code region} with a submitted revision 1 of the complete fixture; returns the submission id. */
    static UUID submitted(String region, String unitId) {
        UUID id = UUID.randomUUID();
        putDraft(Tokens.reporter(region), id, ALF, unitId, Fixtures.completeAlfUsve()).statusCode(201);
        submit(Tokens.reporter(region), id).statusCode(200);
        return id;
    }
}
