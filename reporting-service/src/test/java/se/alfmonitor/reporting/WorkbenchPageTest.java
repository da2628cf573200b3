package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The assessor workbench is served like the dashboard: anonymously, with a Content-Security-Policy without inline
 * script whose connect-src adds exactly assessment-service's origin, the one service beside this one it calls.
 * The policy and the absence of inline script are checked for every page by {@link PagePoliciesTest}.
 */
@QuarkusTest
class WorkbenchPageTest {

    @Test
    void thePageAndItsScriptsLoadWithoutAToken() {
        given().get("/workbench.html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\""))
                .body(containsString("<script src=\"signin.js\"></script>"))
                .body(containsString("<script src=\"workbench.js\"></script>"));
        given().get("/workbench.js").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("/api/reviews"));
        given().get("/workbench.css").then().statusCode(200);
        given().get("/signin.js").then().statusCode(200).body(containsString("code_challenge_method"));
    }

    @Test
    void thePageLearnsWhereAssessmentServiceIsWithoutAToken() {
        given().get("/config.json").then().statusCode(200)
                .body("assessmentUrl", equalTo("http://localhost:8082"))
                .body("clientId", equalTo("dashboard"));
    }
}
