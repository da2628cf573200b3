package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.Tokens;

/**
 * Reference statistics that used to fail when stored (a 500) are refused with the other problems of the upload, and
 * nothing is loaded.
 */
@QuarkusTest
class HostileReferenceInputTest {

    @Test
    void numbersTheDatabaseCannotHoldAreOutOfRange() {
        int year = Events.uniqueYear();
        for (String value : new String[] { "1e999999999", "1e-999999999", "9223372036854775808" }) {
            given().auth().oauth2(Tokens.monitor()).contentType("text/csv").body("regionCode,value\n01," + value + "\n")
                    .put("/api/reference/population/" + year)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].code", equalTo("OUT_OF_RANGE")).body("errors[0].pointer", equalTo("/0/value"));
        }
        for (String value : new String[] { "1e400", "1e-400" }) {
            given().auth().oauth2(Tokens.monitor()).contentType("application/json")
                    .body("[{\"regionCode\": \"01\", \"value\": " + value + "}]")
                    .put("/api/reference/population/" + year)
                    .then().statusCode(422).body("errors[0].code", equalTo("OUT_OF_RANGE"));
        }
        given().auth().oauth2(Tokens.monitor()).get("/api/reference/population/" + year).then().statusCode(404);
    }

    @Test
    void brokenCsvNulAndAmbiguousJsonAreRefused() {
        int year = Events.uniqueYear();
        // an unclosed quote used to escape the parser's error handling
        given().auth().oauth2(Tokens.monitor()).contentType("text/csv").body("regionCode,value\n\"01,5\n")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).body("errors[0].code", equalTo("MALFORMED_CSV"));
        given().auth().oauth2(Tokens.monitor()).contentType("application/json").queryParam("source", "SCB\u0000")
                .body("[{\"regionCode\": \"01\", \"value\": 5}]")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(400).body("code", equalTo("INVALID_CHARACTER"));
        given().auth().oauth2(Tokens.monitor()).contentType("text/csv").body("regionCode,regionCode,value\n01,03,5\n")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).body("errors[0].code", equalTo("MALFORMED_CSV"));
        given().auth().oauth2(Tokens.monitor()).contentType("text/csv").body("regionCode,value\n01\u0000,5\n")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).body("errors[0].code", equalTo("INVALID_CHARACTER"));
        given().auth().oauth2(Tokens.monitor()).contentType("application/json")
                .body("[{\"regionCode\": \"01\", \"value\": 5, \"value\": 6}]")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().auth().oauth2(Tokens.monitor()).get("/api/reference/cancer-incidence/" + year).then().statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemJson() {
        given().auth().oauth2(Tokens.monitor()).contentType("text/csv")
                .body("regionCode,value\n\"" + "x".repeat(9 * 1024 * 1024) + "\",1\n")
                .put("/api/reference/population/" + Events.uniqueYear())
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
