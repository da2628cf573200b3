package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The region coordinator page is served like the other pages: anonymously, with a Content-Security-Policy without
 * inline script whose connect-src adds exactly survey-service's origin (units and their submissions' status are read
 * there), and reached from the other pages' navigation.
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

    /** Inline script and inline event handlers would be refused by the policy; the page has none. */
    @Test
    void thePageHasNoInlineScriptOrEventHandlerAttributes() {
        String page = given().get("/coordinator.html").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("a script element without src").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("an on... attribute").isFalse();
    }

    @Test
    void thePageMayConnectOnlyHereToTheRealmAndToSurveyService() {
        String policy = given().get("/coordinator.html").then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .extract().header("Content-Security-Policy");
        List<String> directives = Arrays.stream(policy.split(";")).map(String::trim).toList();
        assertThat(directives).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "connect-src 'self' http://localhost:8180/realms/alf-monitor/ http://localhost:8081");
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        // the other pages get no more than they need
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", not(containsString("http://localhost:8081")));
        given().get("/workbench.html").then().statusCode(200)
                .header("Content-Security-Policy", not(containsString("http://localhost:8081")));
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
