package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The questionnaire form is served like the other pages: anonymously, with a Content-Security-Policy without inline
 * script whose connect-src adds exactly survey-service's origin, the one service beside this one it calls.
 * The policy and the absence of inline script are checked for every page by {@link PagePoliciesTest}.
 */
@QuarkusTest
class QuestionnairePageTest {

    @Test
    void thePageAndItsScriptsLoadWithoutAToken() {
        given().get("/questionnaire.html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lang=\"sv\""))
                .body(containsString("<script src=\"signin.js\"></script>"))
                .body(containsString("<script src=\"questionnaire-form.js\"></script>"))
                .body(containsString("<script src=\"questionnaire.js\"></script>"));
        given().get("/questionnaire.js").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("/api/submissions"));
        given().get("/questionnaire-form.js").then().statusCode(200).body(containsString("enabledWhen"));
        given().get("/questionnaire.css").then().statusCode(200);
    }

    @Test
    void thePageLearnsWhereSurveyServiceIsWithoutAToken() {
        given().get("/config.json").then().statusCode(200)
                .body("surveyUrl", equalTo("http://localhost:8081"))
                .body("assessmentUrl", equalTo("http://localhost:8082"));
    }
}
