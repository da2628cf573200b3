package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The workbench page (reporting-service's origin) may call this service from the browser; no other site may. */
@QuarkusTest
class CorsTest {

    private static final String PAGES = "http://localhost:8084";

    @Test
    void aPreflightFromThePagesOriginIsAllowed() {
        given().header("Origin", PAGES)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/reviews/{id}/decision", "00000000-0000-0000-0000-000000000001")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoAllowOrigin() {
        for (String origin : new String[] { "http://localhost:8083", "https://evil.example", "null" }) {
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options("/api/reviews/{id}/decision", "00000000-0000-0000-0000-000000000001")
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }

    /** The page must read the status and problem of a refused request (a 401, a 409) to tell the person why. */
    @Test
    void anAnswerToThePagesOriginCanBeReadByThePageAndStillNeedsAToken() {
        given().header("Origin", PAGES).get("/api/reviews")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(PAGES));
        given().header("Origin", "https://evil.example").get("/api/reviews")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
