package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rule change impact page is served like the workbench: anonymously, with a Content-Security-Policy without
 * inline script whose connect-src adds exactly assessment-service's origin (it simulates and publishes there), and
 * reached from the other pages' navigation.
 * The policy and the absence of inline script are checked for every page by {@link PagePoliciesTest}.
 */
@QuarkusTest
class ImpactPageTest {

    @Test
    void thePageAndItsScriptsLoadWithoutAToken() {
        given().get("/impact.html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\""))
                .body(containsString("<script src=\"signin.js\"></script>"))
                .body(containsString("<script src=\"impact.js\"></script>"));
        given().get("/impact.js").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("/simulations"))
                .body(containsString("/api/compliance/campaigns"));
        given().get("/impact.css").then().statusCode(200);
    }

    @Test
    void theOtherPagesLinkToIt() {
        given().get("/").then().statusCode(200).body(containsString("href=\"/impact.html\""))
                .body(containsString("href=\"/workbench.html\""));
        given().get("/workbench.html").then().statusCode(200).body(containsString("href=\"/impact.html\""));
    }
}
