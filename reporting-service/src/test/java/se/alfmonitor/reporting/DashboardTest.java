package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
                .body(containsString("dashboard.js"));
        given().get("/dashboard.js").then().statusCode(200).body(containsString("code_challenge"));
        given().get("/dashboard.css").then().statusCode(200);
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .body(containsString("echarts"));
    }

    @Test
    void thePageLearnsWhereToSignInWithoutAToken() {
        given().get("/config.json").then().statusCode(200)
                .body("authServerUrl", equalTo("http://localhost:8180/realms/alf-monitor"))
                .body("clientId", equalTo("dashboard"));
    }

    @Test
    void theDataNeedsAToken() {
        given().queryParam("campaignId", "alf-2018-2021").get("/api/compliance").then().statusCode(401);
        given().queryParam("campaignId", "alf-2018-2021").get("/api/completeness").then().statusCode(401);
    }
}
