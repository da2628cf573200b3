package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import se.alfmonitor.testing.Tokens;

/**
 * Regions maintain their own part of the unit registry; moves between regions and deactivation stay with the
 * administrators; every change of a unit or a campaign is in its history with who and when.
 */
@QuarkusTest
class RegistryMaintenanceTest {

    private static final String REPORTER_01 = "service-account-region-01";

    @Test
    void aReporterRegistersAndUpdatesAUnitOfItsOwnRegionAndTheHistorySaysWhoAndWhen() {
        Instant start = Instant.now();
        String id = "01-REG-" + Api.suffix();
        put(Tokens.reporter("01"), id, unit("Kliniken för kirurgi", "01", null)).statusCode(201)
                .body("regionCode", equalTo("01")).body("active", equalTo(true))
                .body("provider", equalTo("OWN_REGION"));
        Map<String, Object> renamed = unit("Kliniken för kirurgi och urologi", "01", null);
        renamed.put("hostRegionCode", "03");
        renamed.put("provider", "OTHER_REGION");
        put(Tokens.reporter("01"), id, renamed).statusCode(200)
                .body("name", equalTo("Kliniken för kirurgi och urologi")).body("hostRegionCode", equalTo("03"));
        // the same again changes nothing and writes no history
        put(Tokens.reporter("01"), id, renamed).statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("regionCode", "01").get("/api/units").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo("Kliniken för kirurgi och urologi"));

        JsonPath history = history(Tokens.reporter("01"), id).statusCode(200).body("$", hasSize(2))
                .body("action", contains("CREATED", "UPDATED"))
                .body("actor", contains(REPORTER_01, REPORTER_01))
                .body("[1].changes.field", containsInAnyOrder("name", "hostRegionCode", "provider"))
                .body("[1].changes.find { it.field == 'name' }.before", equalTo("Kliniken för kirurgi"))
                .body("[1].changes.find { it.field == 'name' }.after", equalTo("Kliniken för kirurgi och urologi"))
                .body("[1].changes.find { it.field == 'provider' }.after", equalTo("OTHER_REGION"))
                .body("[0].changes.find { it.field == 'regionCode' }.after", equalTo("01"))
                .extract().jsonPath();
        for (String at : history.<String>getList("at")) {
            assertThat(Instant.parse(at)).isBetween(start, Instant.now());
        }
        // the national roles read it as well
        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.admin())) {
            history(token, id).statusCode(200).body("$", hasSize(2));
        }
    }

    @Test
    void aReporterOfAnotherRegionIsRefusedAndNothingChanges() {
        String id = Api.unit("01");
        put(Tokens.reporter("03"), id, unit("Övertagen", "03", null)).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("OTHER_REGION"));
        put(Tokens.reporter("03"), id, unit("Övertagen", "01", null)).statusCode(403)
                .body("code", equalTo("OTHER_REGION"));
        history(Tokens.reporter("03"), id).statusCode(403).body("code", equalTo("OTHER_REGION"));
        // a new unit for another region
        String foreign = "01-REG-" + Api.suffix();
        put(Tokens.reporter("03"), foreign, unit("Ny klinik", "01", null)).statusCode(403)
                .body("code", equalTo("OTHER_REGION"));

        given().auth().oauth2(Tokens.admin()).get("/api/units").then().statusCode(200)
                .body("find { it.id == '" + foreign + "' }", org.hamcrest.Matchers.nullValue())
                .body("find { it.id == '" + id + "' }.name", equalTo("Testkliniken " + id));
        history(Tokens.admin(), id).statusCode(200).body("$", hasSize(1)).body("[0].actor", equalTo("admin"));
        history(Tokens.admin(), foreign).statusCode(404).body("code", equalTo("UNIT_NOT_FOUND"));
        // a reporter token without a region claim writes nothing either
        put(Tokens.token("no-region", java.util.Set.of("reporter"), null), foreign, unit("Ny klinik", "01", null))
                .statusCode(403).body("code", equalTo("REGION_CLAIM_MISSING"));
    }

    @Test
    void onlyAnAdministratorMovesAUnitToAnotherRegionOrChangesWhetherItIsActive() {
        String id = "01-REG-" + Api.suffix();
        put(Tokens.reporter("01"), id, unit("Kliniken för geriatrik", "01", null)).statusCode(201);

        put(Tokens.reporter("01"), id, unit("Kliniken för geriatrik", "03", null)).statusCode(403)
                .body("code", equalTo("ADMIN_ONLY")).body("errors.pointer", contains("/regionCode"));
        put(Tokens.reporter("01"), id, unit("Kliniken för geriatrik", "01", false)).statusCode(403)
                .body("code", equalTo("ADMIN_ONLY")).body("errors.pointer", contains("/active"));
        put(Tokens.reporter("01"), id, unit("Flyttad", "03", false)).statusCode(403)
                .body("code", equalTo("ADMIN_ONLY")).body("errors.pointer", contains("/regionCode", "/active"));
        // a new unit is active: a reporter cannot register an inactive one
        put(Tokens.reporter("01"), "01-REG-" + Api.suffix(), unit("Vilande", "01", false)).statusCode(403)
                .body("errors.pointer", contains("/active"));
        history(Tokens.admin(), id).statusCode(200).body("$", hasSize(1));

        // the administrator moves it; from then on it is region 03's
        put(Tokens.admin(), id, unit("Kliniken för geriatrik", "03", null)).statusCode(200)
                .body("regionCode", equalTo("03"));
        put(Tokens.reporter("01"), id, unit("Tillbaka", "01", null)).statusCode(403)
                .body("code", equalTo("OTHER_REGION"));
        put(Tokens.reporter("03"), id, unit("Kliniken för geriatrik, Akademiska", "03", null)).statusCode(200);
        // the administrator deactivates it; the reporter's next update, leaving active out, keeps it inactive
        put(Tokens.admin(), id, unit("Kliniken för geriatrik, Akademiska", "03", false)).statusCode(200)
                .body("active", equalTo(false));
        put(Tokens.reporter("03"), id, unit("Geriatrik, Akademiska", "03", null)).statusCode(200)
                .body("active", equalTo(false));
        put(Tokens.reporter("03"), id, unit("Geriatrik, Akademiska", "03", true)).statusCode(403)
                .body("code", equalTo("ADMIN_ONLY"));

        history(Tokens.reporter("03"), id).statusCode(200)
                .body("action", contains("CREATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED"))
                .body("actor", contains(REPORTER_01, "admin", "service-account-region-03", "admin",
                        "service-account-region-03"))
                .body("[1].changes.field", contains("regionCode", "hostRegionCode"))
                .body("[1].changes[0].before", equalTo("01")).body("[1].changes[0].after", equalTo("03"))
                .body("[3].changes.field", contains("active"))
                .body("[3].changes[0].before", equalTo(true)).body("[3].changes[0].after", equalTo(false));
    }

    @Test
    void everyChangeOfACampaignIsInItsHistoryWithWhoAndWhen() {
        Instant start = Instant.now();
        String id = Api.campaign("alf-usve", "OPEN");
        Map<String, Object> body = new HashMap<>(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                "opens", "2022-02-15", "closes", "2022-06-28", "status", "OPEN"));
        // unchanged: no entry
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put("/api/campaigns/{id}", id)
                .then().statusCode(200);
        body.put("status", "CLOSED");
        body.put("closes", "2022-09-30");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put("/api/campaigns/{id}", id)
                .then().statusCode(200);
        // a refused change leaves no entry
        body.put("periodEnd", "2017-01-01");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).put("/api/campaigns/{id}", id)
                .then().statusCode(422);
        given().auth().oauth2(Tokens.admin()).post("/api/campaigns/{id}/lock", id).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).post("/api/campaigns/{id}/lock", id).then().statusCode(200);

        JsonPath history = given().auth().oauth2(Tokens.reporter("01")).get("/api/campaigns/{id}/history", id).then()
                .statusCode(200)
                .body("action", contains("CREATED", "UPDATED", "LOCKED"))
                .body("actor", contains("admin", "admin", "admin"))
                .body("[0].changes.field", org.hamcrest.Matchers.hasItems("questionnaire", "periodStart", "status",
                        "level"))
                .body("[0].changes.find { it.field == 'questionnaire' }.after.key", equalTo("alf-usve"))
                .body("[1].changes.field", containsInAnyOrder("closes", "status"))
                .body("[1].changes.find { it.field == 'status' }.before", equalTo("OPEN"))
                .body("[1].changes.find { it.field == 'status' }.after", equalTo("CLOSED"))
                .body("[1].changes.find { it.field == 'closes' }.after", equalTo("2022-09-30"))
                .body("[2].changes.field", contains("status"))
                .body("[2].changes[0].after", equalTo("LOCKED"))
                .extract().jsonPath();
        for (String at : history.<String>getList("at")) {
            assertThat(Instant.parse(at)).isBetween(start, Instant.now());
        }
        given().auth().oauth2(Tokens.admin()).get("/api/campaigns/{id}/history", "no-such-" + id).then()
                .statusCode(404).body("code", equalTo("CAMPAIGN_NOT_FOUND"));
        given().get("/api/campaigns/{id}/history", id).then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).get("/api/campaigns/{id}/history", id).then().statusCode(403);
    }

    private static Map<String, Object> unit(String name, String region, Boolean active) {
        Map<String, Object> unit = new HashMap<>(Map.of("name", name, "regionCode", region,
                "directPatientContact", true, "designatedYear", 2016));
        if (active != null) {
            unit.put("active", active);
        }
        return unit;
    }

    private static ValidatableResponse put(String token, String id, Map<String, Object> unit) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(unit).put("/api/units/{id}", id).then();
    }

    private static ValidatableResponse history(String token, String id) {
        return given().auth().oauth2(token).get("/api/units/{id}/history", id).then();
    }
}
