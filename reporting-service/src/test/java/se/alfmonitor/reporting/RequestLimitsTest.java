package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class RequestLimitsTest {

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemJsonBeforeAnythingRuns() {
        // the HTTP layer's own 413 had no body at all
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("\"" + "x".repeat(9 * 1024 * 1024) + "\"")
                .post("/api/admin/rebuild")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
