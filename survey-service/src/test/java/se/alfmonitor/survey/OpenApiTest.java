package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void theOpenApiDocumentIsAnonymousAndHasEveryContractPath() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys(
                "/api/regions", "/api/units", "/api/units/{id}",
                "/api/questionnaires", "/api/questionnaires/{key}/{version}",
                "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/lock",
                "/api/submissions", "/api/submissions/{id}", "/api/submissions/{id}/submit",
                "/api/submissions/{id}/amendments", "/api/submissions/{id}/return", "/api/submissions/validate",
                "/api/submissions/{id}/history", "/api/imports");
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // request examples are part of the document
        assertThat(document).contains("alf-2018-2021", "expectedRevision", "submissionId,campaignId,unitId,itemId");
    }
}
