package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.OpenApiEnums;

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
                "/api/submissions/{id}/history", "/api/imports", "/api/units/{id}/history",
                "/api/campaigns/{id}/history");
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // request examples are part of the document
        assertThat(document).contains("alf-2018-2021", "expectedRevision", "submissionId,campaignId,unitId,itemId");
    }

    @Test
    void theAllowedValuesOfEveryEnumeratedFieldAreInTheDocument() {
        io.restassured.path.json.JsonPath schemas = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().setRootPath("components.schemas");
        assertThat(schemas.getList("Provider.enum")).containsExactly("OWN_REGION", "OTHER_REGION", "MUNICIPALITY",
                "PRIVATE_COMPANY");
        assertThat(schemas.getList("CampaignDto.properties.status.enum")).containsExactly("OPEN", "CLOSED", "LOCKED");
        assertThat(schemas.getList("CampaignRequest.properties.status.enum")).containsExactly("OPEN", "CLOSED");
        assertThat(schemas.getList("QuestionnaireLevel.enum")).containsExactly("UNIT", "REGION");
        assertThat(schemas.getList("SubmissionStatus.enum")).containsExactlyInAnyOrder("DRAFT", "SUBMITTED",
                "RETURNED", "LOCKED");
        assertThat(schemas.getList("HistoryEntry.properties.action.enum")).containsExactly("DRAFT_CREATED",
                "DRAFT_SAVED", "SUBMITTED", "AMENDED", "RETURNED", "LOCKED");
        assertThat(schemas.getList("HistoryEntry.properties.status.enum")).containsExactlyInAnyOrder("DRAFT",
                "SUBMITTED", "RETURNED", "LOCKED");
        assertThat(schemas.getList("ImportRunDto.properties.format.enum")).containsExactly("JSON", "CSV");
        assertThat(schemas.getList("RegistryChangeDto.properties.action.enum")).containsExactly("CREATED", "UPDATED",
                "LOCKED");
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertThat(OpenApiEnums.missing(document, OpenApiEnums.NAMES)).isEmpty();
    }
}
