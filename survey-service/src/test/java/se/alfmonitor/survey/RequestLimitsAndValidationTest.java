package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class RequestLimitsAndValidationTest {

    @Test
    void everyProblemOfADraftComesBackAtOnceAndNothingIsStored() {
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();
        Map<String, Object> answers = Map.of(
                "nope", "x",
                "3", "MAYBE",
                "experiencedSupervisors", "four",
                "15", Map.of("2017", 1, "2019", 100000),
                "30a", "x".repeat(4001),
                "staffComposition", java.util.List.of(Map.of("profession", "P9", "s99", 1)));
        Api.putDraft(Tokens.reporter("01"), id, Api.ALF, unit, answers)
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("type", equalTo("urn:alf-monitor:problem:validation-failed"))
                .body("errors", hasSize(8))
                .body("errors.pointer", containsInAnyOrder("/answers/nope", "/answers/3",
                        "/answers/experiencedSupervisors", "/answers/15/2017", "/answers/15/2019", "/answers/30a",
                        "/answers/staffComposition/0/profession", "/answers/staffComposition/0/s99"))
                .body("errors.code", containsInAnyOrder("UNKNOWN_ITEM", "INVALID_OPTION", "WRONG_TYPE",
                        "UNKNOWN_YEAR", "OUT_OF_RANGE", "TOO_LONG", "INVALID_OPTION", "UNKNOWN_COLUMN"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id)
                .then().statusCode(404).body("code", equalTo("SUBMISSION_NOT_FOUND"));
    }

    @Test
    void unknownCampaignAndUnitAreReportedTogether() {
        Api.putDraft(Tokens.admin(), UUID.randomUUID(), "alf-1999", "01-NOPE-" + Api.suffix(), Map.of())
                .statusCode(422)
                .body("errors.code", containsInAnyOrder("UNKNOWN_CAMPAIGN", "UNKNOWN_UNIT"))
                .body("errors.pointer", containsInAnyOrder("/campaignId", "/unitId"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{}")
                .put("/api/submissions/{id}", UUID.randomUUID())
                .then().statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/campaignId", "/unitId", "/answers"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"answers\": ")
                .put("/api/submissions/{id}", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void validateIsADryRun() {
        String unit = Api.unit("01");
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", Api.ALF, "unitId", unit, "answers", Fixtures.completeAlfUsve()))
                .post("/api/submissions/validate")
                .then().statusCode(200).body("valid", equalTo(true));
        ObjectNode wrong = Fixtures.completeAlfUsve();
        wrong.remove("39");
        wrong.put("19b", "NEJ");
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", Api.ALF, "unitId", unit, "answers", wrong))
                .post("/api/submissions/validate")
                .then().statusCode(422)
                .body("errors.code", hasItems("REQUIRED_MISSING", "HIDDEN_ITEM_ANSWERED"))
                .body("errors.pointer", hasItems("/answers/39", "/answers/24", "/answers/vfuGroupSize"));
        given().auth().oauth2(Tokens.admin()).get("/api/submissions?unitId={u}", unit)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemJson() {
        String huge = "[\"" + "x".repeat(9 * 1024 * 1024) + "\"]";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(huge)
                .post("/api/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("status", equalTo(413));
    }
}
