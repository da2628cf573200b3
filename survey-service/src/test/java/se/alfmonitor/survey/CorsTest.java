package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The pages (reporting-service's origin: the questionnaire form, the region coordinator page) may call this service
 * from the browser; no other site may. */
@QuarkusTest
class CorsTest {

    private static final String PAGES = "http://localhost:8084";
    private static final String SUBMISSION = "00000000-0000-0000-0000-000000000001";

    @Test
    void aPreflightFromThePagesOriginMayWriteADraftAndAmendWithIfMatch() {
        given().header("Origin", PAGES)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/submissions/{id}", SUBMISSION)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", PAGES)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/submissions/{id}/amendments", SUBMISSION)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoAllowOrigin() {
        for (String origin : new String[] { "http://localhost:8082", "https://evil.example", "null" }) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options("/api/submissions/{id}", SUBMISSION)
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }

    /** The page must read the status and problem of a refused request, and the ETag of a submission it amends. */
    @Test
    void anAnswerToThePagesOriginCanBeReadByThePageAndStillNeedsAToken() {
        given().header("Origin", PAGES).get("/api/submissions/{id}", SUBMISSION)
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://evil.example").get("/api/submissions/{id}", SUBMISSION)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
