package se.alfmonitor.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document, as served anonymously at {@code /q/openapi}, is complete enough to integrate from
 * alone ({@link OpenApiRules}). Each service's tests extend this.
 */
public abstract class OpenApiChecks {

    @Test
    void theOpenApiDocumentIsValidAndComplete() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(OpenApiRules.problems(document)).as("what the OpenAPI document lacks").isEmpty();
    }
}
