package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/** Site-visit overrides (AMB-14): rule result, then assessor decisions, then overrides, all three kept. */
@QuarkusTest
class OverrideResourceTest {

    @Test
    void anOverrideChangesTheLevelKeepsTheSurveyResultAndIsPublishedAndKeptForLaterRevisions() {
        String unitId = Submissions.unitId("03");
        UUID submissionId = UUID.randomUUID();
        ObjectNode answers = AlfUsveAnswers.allMet();
        answers.put("4a", "NEJ");
        Submissions.send(Submissions.event(unitId, "03", Submissions.CAMPAIGN, submissionId, 1, answers, true));
        JsonPath before = Submissions.awaitAssessment(unitId, 1, 1);
        String level = levelReading(before, "4a");
        int number = Integer.parseInt(level);
        assertThat(Submissions.level(before, number).path("outcome").asText()).isEqualTo("NOT_MET");

        JsonPath created = given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", number,
                        "outcome", "MET", "reason", "Platsbesöket visade en docentkompetent handledare",
                        "visitedOn", "2023-05-12"))
                .post("/api/overrides").then().statusCode(201)
                .body("override.outcome", equalTo("MET"))
                .body("override.inForce", equalTo(true))
                .body("override.decidedBy", equalTo("assessor"))
                .body("assessmentVersion", equalTo(2))
                .extract().jsonPath();
        String overrideId = created.getString("override.id");

        JsonPath after = Submissions.awaitAssessment(unitId, 1, 2);
        JsonNode overridden = Submissions.level(after, number);
        assertThat(overridden.path("outcome").asText()).isEqualTo("MET");
        assertThat(overridden.at("/explanation/override/surveyOutcome").asText()).isEqualTo("NOT_MET");
        assertThat(overridden.at("/explanation/override/id").asText()).isEqualTo(overrideId);
        assertThat(overridden.at("/explanation/sv").asText())
                .startsWith("Nivå " + number + ": Uppfylld efter platsbesök 2023-05-12")
                .contains("Enligt enkäten: Inte uppfylld.");
        assertThat(after.getInt("[0].metCount")).isEqualTo(before.getInt("[0].metCount") + 1);

        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> Submissions.data(r).path("version").asInt()).containsExactly(1, 2);
        }

        // a later revision still failing the level keeps the override in force
        Submissions.send(Submissions.event(unitId, "03", Submissions.CAMPAIGN, submissionId, 2, answers, true));
        JsonPath revision2 = Submissions.awaitAssessment(unitId, 2, 3);
        assertThat(Submissions.level(revision2, number).path("outcome").asText()).isEqualTo("MET");

        // withdrawn: the survey's result again, and the override stays on record
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Registrerad på fel enhet"))
                .post("/api/overrides/" + overrideId + "/withdrawal").then().statusCode(200)
                .body("override.inForce", equalTo(false))
                .body("override.withdrawalReason", equalTo("Registrerad på fel enhet"))
                .body("assessmentVersion", equalTo(4));
        JsonPath withdrawn = Submissions.awaitAssessment(unitId, 2, 4);
        assertThat(Submissions.level(withdrawn, number).path("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(Submissions.level(withdrawn, number).at("/explanation/override").isMissingNode()).isTrue();
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of("reason", "igen"))
                .post("/api/overrides/" + overrideId + "/withdrawal").then().statusCode(409)
                .body("code", equalTo("OVERRIDE_WITHDRAWN"));
        given().auth().oauth2(Tokens.reporter("03")).queryParam("unitId", unitId).get("/api/overrides").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].inForce", equalTo(false));
    }

    @Test
    void aSecondOverrideOfTheSameLevelReplacesTheFirst() {
        String unitId = submit("03");
        String first = override(unitId, 1, "NOT_MET", "Handledaren hade slutat").getString("override.id");
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", 1, "outcome", "MET",
                        "reason", "Ny handledare anställd"))
                .post("/api/overrides").then().statusCode(201);
        given().auth().oauth2(Tokens.monitor()).queryParam("unitId", unitId).get("/api/overrides").then()
                .statusCode(200).body("$", hasSize(2))
                .body("find { it.id == '" + first + "' }.inForce", equalTo(false))
                .body("find { it.id == '" + first + "' }.withdrawalReason", org.hamcrest.Matchers.startsWith(
                        "Replaced by override"))
                .body("findAll { it.inForce }.outcome", containsInAnyOrder("MET"));
        JsonPath latest = Submissions.awaitAssessment(unitId, 1, 3);
        assertThat(Submissions.level(latest, 1).path("outcome").asText()).isEqualTo("MET");
    }

    @Test
    void aBadRequestListsEveryProblemAndChangesNothing() {
        String unitId = submit("03");
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "outcome", "MAYBE", "reason", " ",
                        "visitedOn", LocalDate.now().plusDays(3).toString()))
                .post("/api/overrides").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.pointer", containsInAnyOrder("/campaignId", "/level", "/outcome", "/reason",
                        "/visitedOn"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", 28, "outcome", "MET",
                        "reason", "x"))
                .post("/api/overrides").then().statusCode(422).body("errors[0].pointer", equalTo("/level"));
        // text PostgreSQL cannot store, and ids longer than any stored id, are refused before anything is read
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", "u".repeat(65), "campaignId", "alf\u0000", "level", 1, "outcome", "MET",
                        "reason", "Plats\u0000besök"))
                .post("/api/overrides").then().statusCode(422)
                .body("errors.code", containsInAnyOrder("OUT_OF_RANGE", "INVALID_CHARACTER", "INVALID_CHARACTER"))
                .body("errors.pointer", containsInAnyOrder("/unitId", "/campaignId", "/reason"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", "no-such-unit", "campaignId", Submissions.CAMPAIGN, "level", 1,
                        "outcome", "MET", "reason", "x"))
                .post("/api/overrides").then().statusCode(404).body("code", equalTo("ASSESSMENT_NOT_FOUND"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/overrides/" + UUID.randomUUID() + "/withdrawal").then().statusCode(404)
                .body("code", equalTo("OVERRIDE_NOT_FOUND"));
        given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).get("/api/overrides").then()
                .statusCode(200).body("$", hasSize(0));
        assertThat(Submissions.awaitAssessment(unitId, 1, 1).getInt("[0].version")).isEqualTo(1);
    }

    @Test
    void onlyAssessorsOverrideAndReportersSeeOnlyTheirRegion() {
        String unitId = submit("03");
        Map<String, Object> body = Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", 2,
                "outcome", "NOT_MET", "reason", "Platsbesök");
        given().contentType(ContentType.JSON).body(body).post("/api/overrides").then().statusCode(401);
        given().get("/api/overrides").then().statusCode(401);
        for (String token : List.of(Tokens.reporter("03"), Tokens.monitor(), Tokens.viewer(), Tokens.admin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/overrides").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/api/overrides/" + UUID.randomUUID() + "/withdrawal").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.viewer()).get("/api/overrides").then().statusCode(403);
        override(unitId, 2, "NOT_MET", "Platsbesök");
        given().auth().oauth2(Tokens.reporter("03")).queryParam("unitId", unitId).get("/api/overrides").then()
                .statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("unitId", unitId).get("/api/overrides").then()
                .statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "03").get("/api/overrides").then()
                .statusCode(403);
    }

    private static String submit(String region) {
        String unitId = Submissions.unitId(region);
        Submissions.send(Submissions.event(unitId, region, Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        return unitId;
    }

    private static JsonPath override(String unitId, int level, String outcome, String reason) {
        return given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", level,
                        "outcome", outcome, "reason", reason))
                .post("/api/overrides").then().statusCode(201).extract().jsonPath();
    }

    /** The number of the level whose explanation reads an item. */
    private static String levelReading(JsonPath assessment, String item) {
        List<Map<String, Object>> levels = assessment.getList("[0].levels");
        for (Map<String, Object> level : levels) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) level
                    .get("explanation")).get("items");
            if (items.stream().anyMatch(i -> item.equals(i.get("id")))) {
                return String.valueOf(level.get("number"));
            }
        }
        throw new AssertionError("No level reads " + item);
    }
}
