package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The page and what it loads before sign-in are anonymous; the data is not. */
@QuarkusTest
class DashboardTest {

    @Test
    void thePageAndItsAssetsLoadWithoutAToken() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\""))
                .body(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"))
                .body(containsString("signin.js"))
                .body(containsString("dashboard.js"));
        given().get("/dashboard.js").then().statusCode(200).body(containsString("AlfSignIn"));
        given().get("/signin.js").then().statusCode(200).body(containsString("code_challenge"));
        given().get("/dashboard.css").then().statusCode(200);
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .body(containsString("echarts"));
    }

    /** No inline script, data only from here and the realm, never framed; every answer unsniffed and unreferred. */
    @Test
    void thePageTellsTheBrowserWhatItMayLoadAndThatItMayNotBeFramed() {
        for (String page : new String[] { "/", "/index.html" }) {
            String policy = given().get(page).then().statusCode(200)
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .extract().header("Content-Security-Policy");
            List<String> directives = Arrays.stream(policy.split(";")).map(String::trim).toList();
            assertThat(directives).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "base-uri 'none'", "connect-src 'self' http://localhost:8180/realms/alf-monitor/");
            assertThat(policy).doesNotContain("unsafe-eval");
        }
        given().get("/dashboard.js").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
        given().queryParam("campaignId", "alf-2018-2021").get("/api/compliance").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void thePageLearnsWhereToSignInWithoutAToken() {
        given().get("/config.json").then().statusCode(200)
                .body("authServerUrl", equalTo("http://localhost:8180/realms/alf-monitor"))
                .body("clientId", equalTo("dashboard"))
                .body("assessmentUrl", equalTo("http://localhost:8082"));
    }

    @Test
    void theDataNeedsAToken() {
        given().queryParam("campaignId", "alf-2018-2021").get("/api/compliance").then().statusCode(401);
        given().queryParam("campaignId", "alf-2018-2021").get("/api/completeness").then().statusCode(401);
    }
}
