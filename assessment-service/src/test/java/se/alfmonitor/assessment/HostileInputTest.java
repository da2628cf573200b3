package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;

/** Hostile review decisions are refused with a stable problem, and the review stays pending. */
@QuarkusTest
class HostileInputTest {

    @Test
    void aNulCharacterOrAnAmbiguousBodyLeavesTheReviewPending() {
        String unitId = Submissions.unitId("14");
        Submissions.send(Submissions.event(unitId, "14", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        String reviewId = given().auth().oauth2(Tokens.assessor()).queryParam("status", "PENDING")
                .queryParam("unitId", unitId).get("/api/reviews").then().statusCode(200).extract().path("[0].id");

        // PostgreSQL text cannot hold NUL: the decision used to fail when stored, a 500
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVED\", \"comment\": \"ok\\u0000\"}")
                .post("/api/reviews/" + reviewId + "/decision")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
        // the last key used to win silently
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body("{\"decision\": \"REJECTED\", \"decision\": \"APPROVED\", \"comment\": \"x\"}")
                .post("/api/reviews/" + reviewId + "/decision")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().auth().oauth2(Tokens.assessor()).get("/api/reviews/" + reviewId + "/audit")
                .then().statusCode(200).body("findAll { it.action == 'DECIDED' }", hasSize(0));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemJson() {
        // the HTTP layer's own 413 had no body at all
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body("{\"comment\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                .post("/api/reviews/" + UUID.randomUUID() + "/decision")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
