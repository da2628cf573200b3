package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class RuleSetResourceTest {

    @Test
    void anyRoleListsTheRuleSetsAndSeesWhichIsActive() {
        for (String token : List.of(Tokens.viewer(), Tokens.reporter("01"), Tokens.monitor())) {
            given().auth().oauth2(token).get("/api/rule-sets").then().statusCode(200)
                    .body("find { it.version == '2021.1' }.active", equalTo(true))
                    .body("find { it.version == '2021.1' }.levels", equalTo(27))
                    .body("find { it.version == '2021.1' }.ambiguities", equalTo(15))
                    .body("find { it.version == '2021.1' }.questionnaireKey", equalTo("alf-usve"))
                    .body("find { it.version == '2021.1-test-strict' }.status", equalTo("DRAFT"));
        }
    }

    @Test
    void aRuleSetIsServedAsDataWithItsExpressionsAndAmbiguities() {
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/2021.1").then().statusCode(200)
                .body("version", equalTo("2021.1"))
                .body("active", equalTo(true))
                .body("questionnaire.version", equalTo("2021"))
                .body("levels", hasSize(27))
                .body("levels[7].number", equalTo(8))
                .body("levels[7].met", startsWith("'15' in answers"))
                .body("levels[13].notApplicable", equalTo("'19b' in answers && answers['19b'] == 'NEJ'"))
                .body("levels[17].review.item", equalTo("30a"))
                .body("levels[21].review", equalTo(null))
                .body("ambiguities", hasSize(15))
                .body("ambiguities.id", hasItem("AMB-02"))
                .body("ambiguities.find { it.id == 'AMB-09' }.choiceEn", startsWith("The unit registry attribute"));
    }

    @Test
    void unknownVersionsAndMissingTokensAreRefused() {
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/1999.9").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("RULE_SET_NOT_FOUND"));
        given().get("/api/rule-sets").then().statusCode(401);
        given().auth().oauth2(Tokens.token("no-roles", Set.of(), null)).get("/api/rule-sets").then().statusCode(403);
        given().get("/api/rule-sets/2021.1").then().statusCode(401);
        given().post("/api/rule-sets/2021.1/publish").then().statusCode(401);
        given().auth().oauth2(Tokens.assessor()).post("/api/rule-sets/2021.1/publish").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).post("/api/rule-sets/2021.1/publish").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/1999.9/publish").then().statusCode(404)
                .body("code", equalTo("RULE_SET_NOT_FOUND"));
    }

    @Test
    void publishingARuleSetReassessesTheLatestRevisionOfEveryUnitAndPublishesTheChanges() throws Exception {
        String unitId = Submissions.unitId("18");
        // 5 articles: enough under 2021.1, not under the stricter test rule set that asks for 6
        Submissions.send(Submissions.event(unitId, "18", Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        JsonPath first = Submissions.awaitAssessment(unitId, 1, 1);
        assertThat(Submissions.level(first, 8).path("outcome").asText()).isEqualTo("MET");
        try {
            given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/2021.1-test-strict/publish").then()
                    .statusCode(200)
                    .body("ruleSetVersion", equalTo("2021.1-test-strict"))
                    .body("assessed", greaterThanOrEqualTo(1))
                    .body("changed", greaterThanOrEqualTo(1));
            given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/2021.1-test-strict").then()
                    .body("active", equalTo(true));

            JsonPath strict = Submissions.awaitAssessment(unitId, 1, 2);
            assertThat(strict.getString("[0].ruleSetVersion")).isEqualTo("2021.1-test-strict");
            assertThat(Submissions.level(strict, 8).path("outcome").asText()).isEqualTo("NOT_MET");
            assertThat(Submissions.level(strict, 8).at("/explanation/en").asText())
                    .contains("Rule: At least 6 articles (test).");
            assertThat(strict.getInt("[0].metCount")).isEqualTo(24);
        } finally {
            given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/2021.1/publish").then().statusCode(200);
        }
        JsonPath restored = Submissions.awaitAssessment(unitId, 1, 3);
        assertThat(restored.getString("[0].ruleSetVersion")).isEqualTo("2021.1");
        assertThat(Submissions.level(restored, 8).path("outcome").asText()).isEqualTo("MET");

        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> Submissions.data(r).path("ruleSetVersion").asText()).containsExactly("2021.1", "2021.1-test-strict", "2021.1");
        }
        // publishing the rule set in force again changes nothing
        given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/2021.1/publish").then().statusCode(200);
        given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).get("/api/assessments").then()
                .body("[0].version", equalTo(3));
    }
}
