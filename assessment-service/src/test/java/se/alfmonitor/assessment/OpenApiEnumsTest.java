package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.OpenApiEnums;

/** The allowed values of every enumerated field and query parameter are in the OpenAPI document. */
@QuarkusTest
class OpenApiEnumsTest {

    @Test
    void everyEnumeratedFieldListsItsValues() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertThat(OpenApiEnums.missing(document, OpenApiEnums.NAMES)).isEmpty();

        JsonPath schemas = JsonPath.from(document).setRootPath("components.schemas");
        assertThat(schemas.getList("LevelOutcome.enum")).containsExactly("MET", "NOT_MET", "NOT_APPLICABLE",
                "PENDING_REVIEW");
        assertThat(schemas.getList("ReviewStatus.enum")).containsExactly("PENDING", "APPROVED", "REJECTED",
                "SUPERSEDED");
        String level = schemas.getString("AssessmentView.properties.levels.items.'$ref'");
        assertThat(schemas.getList(level.substring(level.lastIndexOf('/') + 1) + ".properties.area.enum"))
                .containsExactly("GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT");
        assertThat(schemas.getList("AssessmentSummaryLevel.properties.area.enum")).containsExactly("GENERAL",
                "RESEARCH", "EDUCATION", "DEVELOPMENT");
        assertThat(schemas.getList("RemediationView.properties.status.enum")).containsExactly("OPEN", "RESOLVED",
                "OVERDUE");
        assertThat(schemas.getList("DecisionRequest.properties.decision.enum")).containsExactly("APPROVED",
                "REJECTED");
        assertThat(schemas.getList("OverrideRequest.properties.outcome.enum")).containsExactly("MET", "NOT_MET");

        JsonPath paths = JsonPath.from(document).setRootPath("paths");
        assertThat(paths.getList("'/api/assessments'.get.parameters.name")).contains("campaignId", "regionCode",
                "unitId", "status", "hasPendingReviews", "limit", "cursor", "view");
        assertThat(paths.getMap("'/api/assessments'.get.responses.'200'.headers").keySet()).contains("Next-Cursor",
                "Link");
        assertThat(paths.getList("'/api/reviews'.get.parameters.name")).contains("campaignId", "status");
    }
}
