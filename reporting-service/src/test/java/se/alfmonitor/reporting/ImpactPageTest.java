package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rule change impact page is served like the workbench: anonymously, with a Content-Security-Policy without
 * inline script whose connect-src adds exactly assessment-service's origin (it simulates and publishes there), and
 * reached from the other pages' navigation.
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

    /** Inline script and inline event handlers would be refused by the policy; the page has none. */
    @Test
    void thePageHasNoInlineScriptOrEventHandlerAttributes() {
        String page = given().get("/impact.html").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("a script element without src").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("an on... attribute").isFalse();
    }

    @Test
    void thePageMayConnectOnlyHereToTheRealmAndToAssessmentService() {
        String policy = given().get("/impact.html").then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .extract().header("Content-Security-Policy");
        List<String> directives = Arrays.stream(policy.split(";")).map(String::trim).toList();
        assertThat(directives).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'none'",
                "connect-src 'self' http://localhost:8180/realms/alf-monitor/ http://localhost:8082");
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theOtherPagesLinkToIt() {
        given().get("/").then().statusCode(200).body(containsString("href=\"/impact.html\""))
                .body(containsString("href=\"/workbench.html\""));
        given().get("/workbench.html").then().statusCode(200).body(containsString("href=\"/impact.html\""));
    }
}
