package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.survey.questionnaire.JsonSchemas;
import se.alfmonitor.testing.Tokens;

/**
 * {@code GET /api/questionnaires/{key}/{version}/schema}: a region validates offline with the served schema, and what
 * the schema accepts the submission API accepts, what it refuses the API refuses.
 */
@QuarkusTest
class QuestionnaireSchemaApiTest {

    @Test
    void aRegionValidatesOfflineWithTheServedSchemaAndTheApiAgrees() throws Exception {
        String body = given().auth().oauth2(Tokens.reporter("05"))
                .get("/api/questionnaires/{key}/{version}/schema", "alf-usve", "2021")
                .then().statusCode(200).contentType(startsWith("application/schema+json"))
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .extract().asString();
        JsonSchemas.Compiled schema = JsonSchemas.compile(Fixtures.JSON.readTree(body));

        // accepted offline, accepted by the API
        ObjectNode complete = Fixtures.completeAlfUsve();
        assertThat(schema.errors(complete)).isEmpty();
        String unit = Api.unit("05");
        UUID id = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("05"), id, Api.ALF, unit, complete).statusCode(201);
        Api.submit(Tokens.reporter("05"), id).statusCode(200);

        // refused offline for submission (a required item left out): the API keeps it as a draft, refuses to submit it
        ObjectNode incomplete = Fixtures.completeAlfUsve();
        incomplete.remove("3");
        assertThat(schema.errors(incomplete)).isNotEmpty();
        UUID other = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("05"), other, Api.ALF, Api.unit("05"), incomplete).statusCode(201);
        Api.submit(Tokens.reporter("05"), other).statusCode(422);

        // the draft schema takes what a draft may hold
        JsonNode draft = Fixtures.JSON.readTree(given().auth().oauth2(Tokens.reporter("05"))
                .queryParam("mode", "draft").get("/api/questionnaires/alf-usve/2021/schema")
                .then().statusCode(200).extract().asString());
        ObjectNode partial = Fixtures.JSON.createObjectNode().put("3", "WHOLE_PERIOD");
        assertThat(JsonSchemas.compile(draft).errors(partial)).isEmpty();
        assertThat(schema.errors(partial)).isNotEmpty();
        // a value out of range is refused even in a draft, offline and by the API
        ObjectNode outOfRange = Fixtures.JSON.createObjectNode().put("designationYear", 1066);
        assertThat(JsonSchemas.compile(draft).errors(outOfRange)).isNotEmpty();
        Api.putDraft(Tokens.reporter("05"), UUID.randomUUID(), Api.ALF, Api.unit("05"), outOfRange).statusCode(422);
    }

    @Test
    void unknownQuestionnairesModesRolesAndTokensAreRefused() {
        given().auth().oauth2(Tokens.viewer()).get("/api/questionnaires/alf-usve/2017/schema")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("QUESTIONNAIRE_NOT_FOUND"));
        given().auth().oauth2(Tokens.viewer()).queryParam("mode", "final")
                .get("/api/questionnaires/alf-usve/2021/schema")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("INVALID_REQUEST"));
        given().get("/api/questionnaires/alf-usve/2021/schema").then().statusCode(401);
        given().auth().oauth2(Tokens.token("nobody", Set.of("other"), null))
                .get("/api/questionnaires/alf-usve/2021/schema").then().statusCode(403);
        given().auth().oauth2(Tokens.monitor()).get("/api/questionnaires/regional-research/2021/schema")
                .then().statusCode(200).body("title", equalTo(given().auth().oauth2(Tokens.monitor())
                        .get("/api/questionnaires/regional-research/2021").then().extract().path("titleSv")));
    }
}
