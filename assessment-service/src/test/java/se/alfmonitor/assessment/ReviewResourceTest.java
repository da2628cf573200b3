package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class ReviewResourceTest {

    @Test
    void examplesNeedingJudgementAreQueuedWithTheirCriteria() {
        String unitId = submitAllMet("12");
        JsonPath reviews = pendingReviews(unitId);
        assertThat(reviews.getList("level")).containsExactlyInAnyOrder(18, 23);
        Map<String, Object> level18 = reviews.getMap("find { it.level == 18 }");
        assertThat(level18).containsEntry("itemId", "30a").containsEntry("regionCode", "12")
                .containsEntry("campaignId", Submissions.CAMPAIGN).containsEntry("status", "PENDING")
                .containsEntry("submissionRevision", 1);
        assertThat((String) level18.get("text")).startsWith("Kursutvärderingarna visade");
        assertThat((String) level18.get("criteriaSv")).startsWith("Godkänn om exemplet konkret beskriver");
        assertThat((String) level18.get("criteriaEn")).startsWith("Approve if the example concretely describes");

        given().auth().oauth2(Tokens.admin()).queryParam("status", "PENDING").queryParam("regionCode", "12")
                .get("/api/reviews").then().statusCode(200)
                .body("findAll { it.unitId == '" + unitId + "' }", hasSize(2));
        given().auth().oauth2(Tokens.assessor()).queryParam("status", "APPROVED").queryParam("unitId", unitId)
                .get("/api/reviews").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anApprovalMakesANewAssessmentVersionThatIsPublishedAndAudited() {
        String unitId = submitAllMet("12");
        String reviewId = reviewId(unitId, 18);

        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "Konkret åtgärd: fasta handledartider"))
                .post("/api/reviews/" + reviewId + "/decision").then().statusCode(200)
                .body("review.status", equalTo("APPROVED"))
                .body("review.decidedBy", equalTo("assessor"))
                .body("assessmentVersion", equalTo(2));

        JsonPath assessment = Submissions.awaitAssessment(unitId, 1, 2);
        assertThat(Submissions.level(assessment, 18).path("outcome").asText()).isEqualTo("MET");
        assertThat(Submissions.level(assessment, 18).at("/explanation/sv").asText())
                .contains("har godkänts av en bedömare (\"Konkret åtgärd: fasta handledartider\")");
        assertThat(assessment.getInt("[0].pendingReviews")).isEqualTo(1);
        assertThat(assessment.getInt("[0].metCount")).isEqualTo(26);

        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            List<ConsumerRecord<String, String>> published = probe.await(r -> unitId.equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(published).extracting(r -> Submissions.data(r).path("version").asInt())
                    .containsExactly(1, 2);
        }
        given().auth().oauth2(Tokens.admin()).get("/api/reviews/" + reviewId + "/audit").then().statusCode(200)
                .body("action", contains("OPENED", "DECIDED"))
                .body("toStatus", contains("PENDING", "APPROVED"))
                .body("actor", contains("system", "assessor"))
                .body("[1].comment", equalTo("Konkret åtgärd: fasta handledartider"));

        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECTED", "comment", "Ändrat mig"))
                .post("/api/reviews/" + reviewId + "/decision").then().statusCode(409)
                .body("code", equalTo("REVIEW_ALREADY_DECIDED"));
    }

    @Test
    void aRejectionFailsTheLevel() {
        String unitId = submitAllMet("12");
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECTED", "comment", "Räknar bara upp mätningar"))
                .post("/api/reviews/" + reviewId(unitId, 23) + "/decision").then().statusCode(200)
                .body("assessmentVersion", equalTo(2));
        JsonPath assessment = Submissions.awaitAssessment(unitId, 1, 2);
        assertThat(Submissions.level(assessment, 23).path("outcome").asText()).isEqualTo("NOT_MET");
        assertThat(Submissions.level(assessment, 23).at("/explanation/en").asText())
                .contains("Not met: the example in question 35a was rejected by an assessor");
    }

    @Test
    void aNewRevisionWithTheSameExampleKeepsTheDecisionAndANewExampleIsJudgedAgain() {
        String unitId = Submissions.unitId("12");
        UUID submissionId = UUID.randomUUID();
        Submissions.send(Submissions.event(unitId, "12", Submissions.CAMPAIGN, submissionId, 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        String review18 = reviewId(unitId, 18);
        String review23 = reviewId(unitId, 23);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "Bra"))
                .post("/api/reviews/" + review18 + "/decision").then().statusCode(200);
        Submissions.awaitAssessment(unitId, 1, 2);

        ObjectNode revision2 = AlfUsveAnswers.allMet();
        // the same example with other line breaks and spacing; another example for level 23
        revision2.put("30a", "  Kursutvärderingarna visade att studenterna saknade handledning;\n vi införde fasta"
                + "   handledartider. ");
        revision2.put("35a", "PROM-data visade smärta efter ingrepp; vi ändrade smärtlindringen.");
        Submissions.send(Submissions.event(unitId, "12", Submissions.CAMPAIGN, submissionId, 2, revision2, true));

        JsonPath assessment = Submissions.awaitAssessment(unitId, 2, 3);
        assertThat(Submissions.level(assessment, 18).path("outcome").asText()).isEqualTo("MET");
        assertThat(Submissions.level(assessment, 23).path("outcome").asText()).isEqualTo("PENDING_REVIEW");
        given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).get("/api/reviews").then()
                .statusCode(200)
                .body("status", containsInAnyOrder("APPROVED", "SUPERSEDED", "PENDING"))
                .body("find { it.id == '" + review23 + "' }.status", equalTo("SUPERSEDED"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "För sent"))
                .post("/api/reviews/" + review23 + "/decision").then().statusCode(409)
                .body("code", equalTo("REVIEW_SUPERSEDED"));

        // back to the first example: its review is waiting again, and the second one is superseded
        Submissions.send(Submissions.event(unitId, "12", Submissions.CAMPAIGN, submissionId, 3,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 3, 4);
        given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).queryParam("status", "PENDING")
                .get("/api/reviews").then().statusCode(200)
                .body("id", contains(review23));
        given().auth().oauth2(Tokens.assessor()).get("/api/reviews/" + review23 + "/audit").then()
                .body("action", contains("OPENED", "SUPERSEDED", "REOPENED"));
    }

    @Test
    void aDecisionListsEveryProblemOfTheRequestAtOnce() {
        String unitId = submitAllMet("12");
        String reviewId = reviewId(unitId, 18);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "MAYBE"))
                .post("/api/reviews/" + reviewId + "/decision").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.code", containsInAnyOrder("INVALID_OPTION", "REQUIRED_MISSING"))
                .body("errors.pointer", containsInAnyOrder("/decision", "/comment"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "x".repeat(4001)))
                .post("/api/reviews/" + reviewId + "/decision").then().statusCode(422)
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "ok"))
                .post("/api/reviews/" + UUID.randomUUID() + "/decision").then().statusCode(404)
                .body("code", equalTo("REVIEW_NOT_FOUND"));
        given().auth().oauth2(Tokens.assessor()).queryParam("status", "LOST").get("/api/reviews").then()
                .statusCode(400).body("errors[0].code", equalTo("CONSTRAINT_VIOLATION"));
        given().auth().oauth2(Tokens.assessor()).queryParam("regionCode", "Skåne").get("/api/reviews").then()
                .statusCode(400);
        // nothing was decided
        given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).get("/api/reviews").then()
                .body("find { it.id == '" + reviewId + "' }.status", equalTo("PENDING"));
    }

    @Test
    void onlyAssessorsDecideAndOnlyAssessorsAndAdminsReadTheQueue() {
        String reviewId = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("decision", "APPROVED", "comment", "ok");
        given().get("/api/reviews").then().statusCode(401);
        given().get("/api/reviews/" + reviewId + "/audit").then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).get("/api/reviews/" + reviewId + "/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor()).get("/api/reviews/" + reviewId + "/audit").then().statusCode(404)
                .body("code", equalTo("REVIEW_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(body).post("/api/reviews/" + reviewId + "/decision").then()
                .statusCode(401);
        for (String token : List.of(Tokens.reporter("12"), Tokens.monitor(), Tokens.viewer())) {
            given().auth().oauth2(token).get("/api/reviews").then().statusCode(403);
        }
        for (String token : List.of(Tokens.reporter("12"), Tokens.monitor(), Tokens.viewer(), Tokens.admin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/reviews/" + reviewId + "/decision").then().statusCode(403);
        }
    }

    private static String submitAllMet(String regionCode) {
        String unitId = Submissions.unitId(regionCode);
        Submissions.send(Submissions.event(unitId, regionCode, Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        return unitId;
    }

    private static JsonPath pendingReviews(String unitId) {
        return given().auth().oauth2(Tokens.assessor()).queryParam("status", "PENDING").queryParam("unitId", unitId)
                .get("/api/reviews").then().statusCode(200).extract().jsonPath();
    }

    private static String reviewId(String unitId, int level) {
        return pendingReviews(unitId).getString("find { it.level == " + level + " }.id");
    }
}
