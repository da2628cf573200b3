package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class RemediationResourceTest {

    private static final String FUTURE_CAMPAIGN = "alf-2099-test";

    @Test
    void everyUnmetLevelBecomesAnItemThatResolvesWhenALaterRevisionMeetsIt() {
        String unitId = Submissions.unitId("24");
        UUID submissionId = UUID.randomUUID();
        ObjectNode first = AlfUsveAnswers.allMet();
        first.put("39", "NEJ");
        first.put("4a", "NEJ");
        Submissions.send(Submissions.event(unitId, "24", FUTURE_CAMPAIGN, submissionId, 1, first, true));
        Submissions.awaitAssessment(unitId, 1, 1);

        JsonPath items = remediations(Tokens.reporter("24"), unitId);
        assertThat(items.getList("level")).containsExactly(2, 18, 23, 27);
        assertThat(items.getList("status")).containsOnly("OPEN");
        assertThat(items.getList("dueDate")).containsOnly("2099-12-31");
        assertThat(items.getString("find { it.level == 18 }.outcome")).isEqualTo("PENDING_REVIEW");
        assertThat(items.getString("find { it.level == 27 }.outcome")).isEqualTo("NOT_MET");
        assertThat(items.getString("find { it.level == 27 }.area")).isEqualTo("DEVELOPMENT");

        ObjectNode second = AlfUsveAnswers.allMet();
        second.put("4a", "NEJ");
        Submissions.send(Submissions.event(unitId, "24", FUTURE_CAMPAIGN, submissionId, 2, second, true));
        Submissions.awaitAssessment(unitId, 2, 2);

        JsonPath after = remediations(Tokens.monitor(), unitId);
        assertThat(after.getString("find { it.level == 27 }.status")).isEqualTo("RESOLVED");
        assertThat(after.getString("find { it.level == 27 }.resolvedAt")).isNotNull();
        assertThat(after.getString("find { it.level == 2 }.status")).isEqualTo("OPEN");
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", FUTURE_CAMPAIGN)
                .queryParam("status", "RESOLVED").get("/api/remediations").then().statusCode(200)
                .body("findAll { it.unitId == '" + unitId + "' }.level", equalTo(List.of(27)));
    }

    @Test
    void aResolvedItemOpensAgainWhenALaterRevisionFailsTheLevelAndAnOpenOneKeepsItsDate() {
        String unitId = Submissions.unitId("12");
        UUID submissionId = UUID.randomUUID();
        ObjectNode failing = AlfUsveAnswers.allMet();
        failing.put("39", "NEJ");
        failing.put("4a", "NEJ");
        Submissions.send(Submissions.event(unitId, "12", FUTURE_CAMPAIGN, submissionId, 1, failing, true));
        Submissions.awaitAssessment(unitId, 1, 1);
        JsonPath first = remediations(Tokens.monitor(), unitId);
        String level2Opened = first.getString("find { it.level == 2 }.openedAt");
        String level27Opened = first.getString("find { it.level == 27 }.openedAt");

        ObjectNode meeting27 = AlfUsveAnswers.allMet();
        meeting27.put("4a", "NEJ");
        Submissions.send(Submissions.event(unitId, "12", FUTURE_CAMPAIGN, submissionId, 2, meeting27, true));
        Submissions.awaitAssessment(unitId, 2, 2);
        Submissions.send(Submissions.event(unitId, "12", FUTURE_CAMPAIGN, submissionId, 3, failing, true));
        Submissions.awaitAssessment(unitId, 3, 3);

        JsonPath reopened = remediations(Tokens.monitor(), unitId);
        assertThat(reopened.getList("level")).containsExactly(2, 18, 23, 27);
        assertThat(reopened.getString("find { it.level == 27 }.status")).isEqualTo("OPEN");
        assertThat(reopened.getString("find { it.level == 27 }.resolvedAt")).isNull();
        assertThat(reopened.getString("find { it.level == 27 }.outcome")).isEqualTo("NOT_MET");
        assertThat(java.time.Instant.parse(reopened.getString("find { it.level == 27 }.openedAt")))
                .isAfter(java.time.Instant.parse(level27Opened));
        assertThat(reopened.getString("find { it.level == 2 }.status")).isEqualTo("OPEN");
        assertThat(reopened.getString("find { it.level == 2 }.openedAt")).isEqualTo(level2Opened);
    }

    @Test
    void openItemsPastTheCampaignDueDateAreOverdue() {
        String unitId = Submissions.unitId("24");
        ObjectNode answers = AlfUsveAnswers.allMet();
        answers.put("39", "NEJ");
        Submissions.send(Submissions.event(unitId, "24", Submissions.CAMPAIGN, UUID.randomUUID(), 1, answers, true));
        Submissions.awaitAssessment(unitId, 1, 1);

        given().auth().oauth2(Tokens.admin()).queryParam("campaignId", Submissions.CAMPAIGN)
                .queryParam("regionCode", "24").queryParam("unitId", unitId).get("/api/remediations").then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("dueDate", everyItem(equalTo("2024-08-31")))
                .body("status", everyItem(equalTo("OVERDUE")));
    }

    @Test
    void reportersSeeOnlyTheirOwnRegion() {
        given().get("/api/remediations").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).get("/api/remediations").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "24").get("/api/remediations").then()
                .statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/remediations").then().statusCode(200)
                .body("regionCode", everyItem(equalTo("01")));
        given().auth().oauth2(Tokens.monitor()).queryParam("status", "LATE").get("/api/remediations").then()
                .statusCode(400).body("errors[0].code", equalTo("CONSTRAINT_VIOLATION"));
        given().auth().oauth2(Tokens.monitor()).queryParam("regionCode", "2").get("/api/remediations").then()
                .statusCode(400);
    }

    private static JsonPath remediations(String token, String unitId) {
        return given().auth().oauth2(token).queryParam("campaignId", FUTURE_CAMPAIGN).queryParam("unitId", unitId)
                .get("/api/remediations").then().statusCode(200).extract().jsonPath();
    }
}
