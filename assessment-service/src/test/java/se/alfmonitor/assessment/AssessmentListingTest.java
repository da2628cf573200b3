package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.alfmonitor.testing.Tokens;

/**
 * {@code GET /api/assessments} paged by key with its filters and summary view, and {@code GET /api/reviews} by
 * campaign: each walk runs in a campaign of its own, so the other tests' assessments do not mix in.
 */
@QuarkusTest
class AssessmentListingTest {

    @Test
    void aWalkInPagesSeesEveryUnitOnceWhileNewAssessmentsArrive() {
        String campaign = campaign();
        List<String> units = new ArrayList<>();
        Map<String, UUID> submissions = new HashMap<>();
        String[] regions = { "01", "12", "14" };
        for (int i = 0; i < 12; i++) {
            String unit = Submissions.unitId(regions[i % 3]);
            units.add(unit);
            submissions.put(unit, send(unit, regions[i % 3], campaign, null, 1, AlfUsveAnswers.allMet()));
        }
        List<String> order = awaitCount(campaign, 12);
        assertThat(order).containsExactlyInAnyOrderElementsOf(units);
        // all at once, as before paging existed: a plain array, no cursor
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).get("/api/assessments").then()
                .statusCode(200).header(NEXT_CURSOR, nullValue()).header("Link", nullValue()).body("$", hasSize(12));

        List<String> seen = new ArrayList<>();
        Map<String, Integer> revisionSeen = new HashMap<>();
        String cursor = null;
        String lateUnit = "24-T-late-" + UUID.randomUUID().toString().substring(0, 8);
        int pages = 0;
        do {
            RequestSpecification request = given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", campaign)
                    .queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/assessments").then().statusCode(200).extract().response();
            List<String> ids = page.jsonPath().getList("unitId");
            assertThat(ids).hasSizeLessThanOrEqualTo(5);
            for (int i = 0; i < ids.size(); i++) {
                revisionSeen.put(ids.get(i), page.jsonPath().getInt("[" + i + "].submissionRevision"));
            }
            seen.addAll(ids);
            cursor = page.header(NEXT_CURSOR);
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=" + cursor)
                        .contains("limit=5").contains("campaignId=" + campaign);
            }
            if (pages == 0) {
                // between the pages: a new revision of a unit already seen, one of a unit not yet seen (the last in
                // the order), and a unit assessed for the first time
                String shown = ids.get(0);
                String ahead = order.get(order.size() - 1);
                send(shown, shown.substring(0, 2), campaign, submissions.get(shown), 2, AlfUsveAnswers.allMet());
                send(ahead, ahead.substring(0, 2), campaign, submissions.get(ahead), 2, AlfUsveAnswers.allMet());
                send(lateUnit, "24", campaign, null, 1, AlfUsveAnswers.allMet());
                Submissions.awaitAssessment(shown, 2, 2);
                Submissions.awaitAssessment(ahead, 2, 2);
                awaitCount(campaign, 13);
            }
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(cursor).as("the walk ends").isNull();
        assertThat(seen).as("no unit twice").doesNotHaveDuplicates();
        assertThat(seen).as("every unit assessed before the walk").containsAll(units);
        assertThat(seen).as("nothing of another campaign").isSubsetOf(withLate(units, lateUnit));
        assertThat(revisionSeen.get(order.get(order.size() - 1))).as("a unit not yet reached shows its newest version")
                .isEqualTo(2);
        assertThat(revisionSeen.get(seen.get(0))).as("a unit already sent is not sent again").isEqualTo(1);
        // the late unit's id sorts after the cursor of the first page (24 > 14), so the walk reaches it
        assertThat(seen).contains(lateUnit);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersSelectByStatusPendingReviewsAndRegionAndTheSummaryHasNoExplanations() {
        String campaign = campaign();
        String pending = Submissions.unitId("12");
        send(pending, "12", campaign, null, 1, AlfUsveAnswers.allMet());
        String approved = Submissions.unitId("12");
        send(approved, "12", campaign, null, 1, AlfUsveAnswers.allMet());
        String noExamples = Submissions.unitId("14");
        ObjectNode without = AlfUsveAnswers.allMet();
        without.remove("30a");
        without.remove("35a");
        send(noExamples, "14", campaign, null, 1, without);
        awaitCount(campaign, 3);
        for (Object review : reviews(campaign, "PENDING", approved)) {
            given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                    .body(Map.of("decision", "APPROVED", "comment", "Konkret")).post("/api/reviews/" + review
                            + "/decision")
                    .then().statusCode(200);
        }
        Submissions.awaitAssessment(approved, 1, 3);

        assertThat(units(campaign, Map.of("status", "ALL_MET"))).containsExactly(approved);
        assertThat(units(campaign, Map.of("status", "NOT_ALL_MET"))).containsExactlyInAnyOrder(pending, noExamples);
        assertThat(units(campaign, Map.of("hasPendingReviews", "true"))).containsExactly(pending);
        assertThat(units(campaign, Map.of("hasPendingReviews", "false"))).containsExactlyInAnyOrder(approved,
                noExamples);
        assertThat(units(campaign, Map.of("regionCode", "14"))).containsExactly(noExamples);
        assertThat(units(campaign, Map.of("status", "NOT_ALL_MET", "hasPendingReviews", "false")))
                .containsExactly(noExamples);
        assertThat(units(campaign, Map.of("status", "NOT_ALL_MET", "limit", "1"))).hasSize(1);
        // a reporter's walk stays in its region
        assertThat(given().auth().oauth2(Tokens.reporter("14")).queryParam("campaignId", campaign)
                .queryParam("limit", 10).get("/api/assessments").then().statusCode(200).extract().jsonPath()
                .<String>getList("unitId")).containsExactly(noExamples);

        Response summary = given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign)
                .queryParam("unitId", pending).queryParam("view", "summary").get("/api/assessments").then()
                .statusCode(200).extract().response();
        assertThat(summary.jsonPath().getList("[0].levels")).hasSize(27);
        assertThat(summary.jsonPath().getList("[0].levels.explanation")).containsOnlyNulls();
        assertThat(summary.asString()).doesNotContain("explanation").doesNotContain("Kursutvärderingarna");
        assertThat(summary.jsonPath().getString("[0].levels.find { it.number == 18 }.outcome"))
                .isEqualTo("PENDING_REVIEW");
        assertThat(summary.jsonPath().getInt("[0].pendingReviews")).isEqualTo(2);
        assertThat(summary.jsonPath().getInt("[0].areas.RESEARCH.total")).isEqualTo(10);
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParam("unitId", pending)
                .get("/api/assessments").then().statusCode(200)
                .body("[0].levels.find { it.number == 18 }.explanation.sv", org.hamcrest.Matchers.notNullValue());
        // a summary walk pages the same way
        Response first = given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign)
                .queryParam("view", "summary").queryParam("limit", 2).get("/api/assessments").then().statusCode(200)
                .body("$", hasSize(2)).extract().response();
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParam("view", "summary")
                .queryParam("limit", 2).queryParam("cursor", first.header(NEXT_CURSOR)).get("/api/assessments")
                .then().statusCode(200).header(NEXT_CURSOR, nullValue()).body("$", hasSize(1))
                .body("[0].levels[0].explanation", nullValue());

        // the review queue by campaign and status
        assertThat(reviews(campaign, null, null)).hasSize(4);
        assertThat(reviewUnits(campaign, "PENDING")).containsExactlyInAnyOrder(pending, pending);
        assertThat(reviewUnits(campaign, "APPROVED")).containsExactlyInAnyOrder(approved, approved);
        assertThat(reviewUnits(campaign, "REJECTED")).isEmpty();
        given().auth().oauth2(Tokens.admin()).queryParam("campaignId", campaign).get("/api/reviews").then()
                .statusCode(200).body("campaignId.unique()", org.hamcrest.Matchers.contains(campaign));
        given().auth().oauth2(Tokens.admin()).queryParam("campaignId", "no-such-" + campaign).get("/api/reviews")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aCursorThatIsNotOneOfThisWalkAndParametersOutOfRangeAnswer400() {
        String campaign = campaign();
        for (int i = 0; i < 3; i++) {
            send(Submissions.unitId("01"), "01", campaign, null, 1, AlfUsveAnswers.allMet());
        }
        awaitCount(campaign, 3);
        String cursor = given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign)
                .queryParam("limit", 1).get("/api/assessments").then().statusCode(200).extract().header(NEXT_CURSOR);
        assertThat(cursor).isNotBlank();
        // the cursor's own walk goes on
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParam("cursor", cursor)
                .get("/api/assessments").then().statusCode(200).body("$", hasSize(2));

        String notJson = Base64.getUrlEncoder().encodeToString("not a cursor".getBytes(StandardCharsets.UTF_8));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":1,\"unitId\":\"01\",\"campaignId\":\"x\",\"filter\":\"0000\",\"extra\":1}"
                        .getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("%%%", notJson, forged, cursor + "x", "a".repeat(2000))) {
            given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParam("cursor", bad)
                    .get("/api/assessments").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_CURSOR")).body("errors[0].pointer", equalTo("/cursor"));
        }
        // a cursor with other filters than its walk's
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParam("regionCode", "01")
                .queryParam("cursor", cursor).get("/api/assessments").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        given().auth().oauth2(Tokens.assessor()).queryParam("cursor", cursor).get("/api/assessments").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));

        for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "501"),
                Map.of("status", "MET"), Map.of("hasPendingReviews", "yes"), Map.of("view", "brief"))) {
            given().auth().oauth2(Tokens.assessor()).queryParams(bad).get("/api/assessments").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        }
        given().auth().oauth2(Tokens.assessor()).queryParam("status", "PAUSED").get("/api/reviews").then()
                .statusCode(400);
    }

    @Test
    void pagingFiltersAndTheReviewFilterKeepTheirRolesAndRegions() {
        given().queryParam("limit", 5).get("/api/assessments").then().statusCode(401);
        given().queryParam("view", "summary").get("/api/assessments").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).queryParam("limit", 5).get("/api/assessments").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).queryParam("view", "summary").queryParam("status", "ALL_MET")
                .get("/api/assessments").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "14").queryParam("limit", 5)
                .get("/api/assessments").then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("regionCode", "14").queryParam("view", "summary")
                .get("/api/assessments").then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("01")).queryParam("limit", 5).get("/api/assessments").then()
                .statusCode(200).body("regionCode.unique()", org.hamcrest.Matchers.everyItem(equalTo("01")));

        given().queryParam("campaignId", Submissions.CAMPAIGN).get("/api/reviews").then().statusCode(401);
        for (String token : List.of(Tokens.reporter("01"), Tokens.viewer(), Tokens.monitor())) {
            given().auth().oauth2(token).queryParam("campaignId", Submissions.CAMPAIGN).get("/api/reviews").then()
                    .statusCode(403);
        }
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", Submissions.CAMPAIGN).get("/api/reviews")
                .then().statusCode(200);
    }

    private static final String NEXT_CURSOR = "Next-Cursor";

    private static String campaign() {
        return "listing-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID send(String unit, String region, String campaign, UUID submission, int revision,
            ObjectNode answers) {
        UUID id = submission == null ? UUID.randomUUID() : submission;
        Submissions.send(Submissions.event(unit, region, campaign, id, revision, answers, true));
        return id;
    }

    /** Waits until the campaign has {@code count} assessed units; their ids in the API's order. */
    private static List<String> awaitCount(String campaign, int count) {
        List<List<String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<String> ids = given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign)
                    .get("/api/assessments").then().statusCode(200).extract().jsonPath().getList("unitId");
            found.add(ids);
            return ids.size() == count;
        });
        return found.get(found.size() - 1);
    }

    private static List<String> units(String campaign, Map<String, String> filters) {
        return given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).queryParams(filters)
                .get("/api/assessments").then().statusCode(200).extract().jsonPath().getList("unitId");
    }

    private static List<Object> reviews(String campaign, String status, String unitId) {
        RequestSpecification request = given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign);
        if (status != null) {
            request.queryParam("status", status);
        }
        if (unitId != null) {
            request.queryParam("unitId", unitId);
        }
        return request.get("/api/reviews").then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static List<String> reviewUnits(String campaign, String status) {
        return given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign)
                .queryParam("status", status).get("/api/reviews").then().statusCode(200).extract().jsonPath()
                .getList("unitId");
    }

    private static List<String> withLate(List<String> units, String late) {
        List<String> all = new ArrayList<>(units);
        all.add(late);
        return all;
    }
}
