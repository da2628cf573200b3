package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The region coordinator page is served like the other pages: anonymously, with a Content-Security-Policy without
 * inline script whose connect-src adds exactly survey-service's origin (units and their submissions' status are read
 * there), and reached from the other pages' navigation.
 * The policy and the absence of inline script are checked for every page by {@link PagePoliciesTest}.
 */
@QuarkusTest
class CoordinatorPageTest {

    @Test
    void thePageAndItsScriptsLoadWithoutAToken() {
        given().get("/coordinator.html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\""))
                .body(containsString("<script src=\"signin.js\"></script>"))
                .body(containsString("<script src=\"coordinator.js\"></script>"));
        given().get("/coordinator.js").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("/api/submissions?"))
                .body(containsString("/api/remediation/units?campaignId="))
                .body(containsString("/scorecard?campaignId="));
        given().get("/coordinator.css").then().statusCode(200);
    }

    @Test
    void thePageLearnsWhereSurveyServiceIsWithoutAToken() {
        given().get("/config.json").then().statusCode(200)
                .body("surveyUrl", equalTo("http://localhost:8081"))
                .body("assessmentUrl", equalTo("http://localhost:8082"));
    }

    @Test
    void theOtherPagesLinkToIt() {
        for (String page : List.of("/", "/workbench.html", "/impact.html")) {
            given().get(page).then().statusCode(200).body(containsString("href=\"/coordinator.html\""));
        }
    }
}
