package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/**
 * Simulating a candidate rule set on a campaign: exactly the units a new reading moves are named, the matrices move by
 * exactly their count, decisions and overrides in force are applied, and nothing is published.
 */
@QuarkusTest
class RuleSetSimulationTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theLevel8CandidateNamesExactlyTheUnitsWithFiveArticlesAndPublishesNothing() throws Exception {
        String campaign = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        String fiveIn18 = unit("18", campaign, AlfUsveAnswers.allMet());
        ObjectNode six = AlfUsveAnswers.allMet();
        six.putObject("15").put("2018", 2).put("2019", 2).put("2020", 1).put("2021", 1);
        String sixIn18 = unit("18", campaign, six);
        // a unit id a spreadsheet would read as a formula
        String fiveIn01 = unit("-" + Submissions.unitId("01"), "01", campaign, AlfUsveAnswers.allMet());
        String overridden = unit("01", campaign, AlfUsveAnswers.allMet());
        ObjectNode two = AlfUsveAnswers.allMet();
        two.putObject("15").put("2018", 1).put("2019", 1);
        String twoIn01 = unit("01", campaign, two);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", overridden, "campaignId", campaign, "level", 8, "outcome", "MET",
                        "reason", "Publikationslistan visar fler artiklar."))
                .post("/api/overrides").then().statusCode(201);
        Submissions.awaitAssessment(overridden, 1, 2);
        List<String> units = List.of(fiveIn18, sixIn18, fiveIn01, overridden, twoIn01);
        String candidate = RuleSetDocuments.version("sim8");
        upload(candidate, RuleSetDocuments.moreThanFiveArticles(candidate));

        String before = snapshot(units);
        int eventsBefore = events(units, 6);
        assertThat(eventsBefore).isEqualTo(6);

        JsonPath result = simulate(candidate, campaign, Tokens.monitor());

        assertThat(result.getString("status")).isEqualTo("DONE");
        assertThat(result.getInt("evaluated")).isEqualTo(5);
        assertThat(result.getInt("total")).isEqualTo(5);
        assertThat(result.getString("requestedBy")).isEqualTo("service-account-national-monitor");
        // exactly the units with five articles and no override: MET -> NOT_MET on level 8, explained by the candidate
        assertThat(result.getList("changes.unitId")).containsExactly(fiveIn01, fiveIn18);
        assertThat(result.getList("changes.level")).containsExactly(8, 8);
        assertThat(result.getList("changes.from")).containsOnly("MET");
        assertThat(result.getList("changes.to")).containsOnly("NOT_MET");
        assertThat(result.getString("changes[0].explanation.en")).startsWith("Level 8: Not met.")
                .contains("more than 5 articles");
        assertThat(result.getString("changes[0].explanation.ruleSetVersion")).isEqualTo(candidate);
        assertThat(result.getInt("result.unitsChanged")).isEqualTo(2);
        assertThat(result.getInt("result.levelsChanged")).isEqualTo(2);
        assertThat(result.getMap("result.ruleSetsBefore")).isEqualTo(Map.of("2021.1", 5));

        // level 8 moves by exactly those units in each region; every other level not at all
        assertThat(result.getList("result.before.regions")).containsExactly("01", "18");
        Map<String, Object> level8 = result.getMap("result.before.levels.find { it.number == 8 }.regions");
        assertThat(level8.get("18")).isEqualTo(Map.of("met", 2, "notApplicable", 0, "pending", 0, "responding", 2,
                "share", 100.0f));
        assertThat(level8.get("01")).isEqualTo(Map.of("met", 2, "notApplicable", 0, "pending", 0, "responding", 3,
                "share", 66.7f));
        assertThat(result.getFloat("result.after.levels.find { it.number == 8 }.regions['18'].share")).isEqualTo(50.0f);
        assertThat(result.getFloat("result.after.levels.find { it.number == 8 }.regions['01'].share")).isEqualTo(33.3f);
        assertThat(result.getFloat("result.before.levels.find { it.number == 8 }.nation.share")).isEqualTo(80.0f);
        assertThat(result.getFloat("result.after.levels.find { it.number == 8 }.nation.share")).isEqualTo(40.0f);
        assertThat(result.getMap("result.delta.levels.find { it.number == 8 }.regions['18']"))
                .isEqualTo(Map.of("met", -1, "notApplicable", 0, "pending", 0, "share", -50.0f));
        assertThat(result.getMap("result.delta.levels.find { it.number == 8 }.regions['01']"))
                .isEqualTo(Map.of("met", -1, "notApplicable", 0, "pending", 0, "share", -33.4f));
        assertThat(result.getInt("result.delta.levels.find { it.number == 8 }.nation.met")).isEqualTo(-2);
        for (int level = 1; level <= 27; level++) {
            if (level == 8) {
                continue;
            }
            String path = "result.delta.levels.find { it.number == " + level + " }";
            assertThat(result.getMap(path + ".regions['18']")).as("level %d", level)
                    .isEqualTo(Map.of("met", 0, "notApplicable", 0, "pending", 0, "share", 0.0f));
            assertThat(result.getMap(path + ".regions['01']")).as("level %d", level)
                    .isEqualTo(Map.of("met", 0, "notApplicable", 0, "pending", 0, "share", 0.0f));
        }
        // the examples of levels 18 and 23 await an assessor, before as after
        assertThat(result.getInt("result.after.levels.find { it.number == 18 }.nation.pending")).isEqualTo(5);
        assertThat(result.getInt("result.unitsMeetingAll.before")).isZero();
        assertThat(result.getInt("result.unitsMeetingAll.after")).isZero();
        assertThat(result.getList("result.reviews.wouldOpen")).isEmpty();
        assertThat(result.getList("result.reviews.wouldClose")).isEmpty();

        // nothing was published: no version, outbox row, review item, remediation change or event
        assertThat(snapshot(units)).isEqualTo(before);
        assertThat(events(units, eventsBefore + 1)).isEqualTo(eventsBefore);
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).get("/api/assessments").then()
                .body("ruleSetVersion", org.hamcrest.Matchers.everyItem(equalTo("2021.1")));

        // the changed units as CSV, the unit id that looks like a formula written as text
        String csv = given().auth().oauth2(Tokens.assessor())
                .get("/api/rule-sets/" + candidate + "/simulations/" + result.getString("id") + "/changes.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("unitId,regionCode,level,from,to,explanationSv,explanationEn");
        assertThat(lines[1]).startsWith("'" + fiveIn01 + ",01,8,MET,NOT_MET,\"Nivå 8: Inte uppfylld.");
        assertThat(lines[2]).startsWith(fiveIn18 + ",18,8,MET,NOT_MET,");
    }

    @Test
    void aCandidateThatMovesAReviewOpensAndClosesReviewItemsOnlyOnPaper() throws Exception {
        String campaign = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        String example = unit("14", campaign, AlfUsveAnswers.allMet());
        ObjectNode noRegister = AlfUsveAnswers.allMet();
        noRegister.put("34", "NEJ");
        String withoutRegister = unit("14", campaign, noRegister);
        List<String> units = List.of(example, withoutRegister);
        String candidate = RuleSetDocuments.version("simrev");
        ObjectNode document = RuleSetDocuments.shipped(candidate);
        // level 23 decided by its rule alone; level 22's example judged by an assessor
        RuleSetDocuments.level(document, 23).putNull("review");
        RuleSetDocuments.level(document, 22).putObject("review").put("item", "34a")
                .put("criteriaSv", "Godkänn ett konkret register.").put("criteriaEn", "Approve a concrete register.");
        upload(candidate, document);
        String before = snapshot(units);
        List<String> level23Reviews = given().auth().oauth2(Tokens.assessor()).queryParam("unitId", example)
                .get("/api/reviews").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.level == 23 }.id");

        JsonPath result = simulate(candidate, campaign, Tokens.assessor());

        assertThat(result.getList("result.reviews.wouldOpen.unitId")).containsExactly(example);
        assertThat(result.getList("result.reviews.wouldOpen.level")).containsExactly(22);
        assertThat(result.getList("result.reviews.wouldOpen.itemId")).containsExactly("34a");
        assertThat(result.getList("result.reviews.wouldClose.unitId"))
                .containsExactlyInAnyOrder(example, withoutRegister);
        assertThat(result.getList("result.reviews.wouldClose.level")).containsOnly(23);
        assertThat(result.getList("result.reviews.wouldClose.findAll { it.unitId == '" + example + "' }.reviewId"))
                .isEqualTo(level23Reviews);
        assertThat(result.getList("changes.findAll { it.unitId == '" + example + "' }.level"))
                .containsExactly(22, 23);
        assertThat(result.getList("changes.findAll { it.unitId == '" + example + "' }.to"))
                .containsExactly("PENDING_REVIEW", "MET");
        assertThat(snapshot(units)).isEqualTo(before);
    }

    @Test
    void onlyAssessorsMonitorsAndAdminsSimulateAndOnlyAdminsDelete() {
        String campaign = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        unit("03", campaign, AlfUsveAnswers.allMet());
        String candidate = RuleSetDocuments.version("simroles");
        upload(candidate, RuleSetDocuments.moreThanFiveArticles(candidate));
        String path = "/api/rule-sets/" + candidate + "/simulations";
        Map<String, String> body = Map.of("campaignId", campaign);

        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().get(path).then().statusCode(401);
        for (String token : List.of(Tokens.reporter("03"), Tokens.viewer())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
            given().auth().oauth2(token).get(path).then().statusCode(403);
        }
        String id = null;
        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.admin())) {
            id = simulate(candidate, campaign, token).getString("id");
            given().auth().oauth2(token).get(path).then().statusCode(200).body("id", hasItem(id));
            given().auth().oauth2(token).get(path + "/" + id).then().statusCode(200).body("status", equalTo("DONE"));
            given().auth().oauth2(token).get(path + "/" + id + "/changes.csv").then().statusCode(200);
        }
        for (String token : List.of(Tokens.reporter("03"), Tokens.viewer())) {
            given().auth().oauth2(token).get(path + "/" + id).then().statusCode(403);
            given().auth().oauth2(token).get(path + "/" + id + "/changes.csv").then().statusCode(403);
        }
        given().get(path + "/" + id).then().statusCode(401);
        given().delete(path + "/" + id).then().statusCode(401);
        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer())) {
            given().auth().oauth2(token).delete(path + "/" + id).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.admin()).delete(path + "/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).get(path + "/" + id).then().statusCode(404)
                .body("code", equalTo("SIMULATION_NOT_FOUND"));
        given().auth().oauth2(Tokens.admin()).get("/api/rule-sets/2021.1/simulations/" + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("SIMULATION_NOT_FOUND"));

        // an unknown candidate, a request without a campaign
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/rule-sets/1999.9/simulations").then().statusCode(404)
                .body("code", equalTo("RULE_SET_NOT_FOUND"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of()).post(path).then()
                .statusCode(422).body("errors[0].code", equalTo("REQUIRED_MISSING"))
                .body("errors[0].pointer", equalTo("/campaignId"));
        // text the database cannot hold, and a campaign id longer than any campaign's, start nothing
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("campaignId", "alf\u0000"))
                .post(path).then().statusCode(422).body("errors[0].code", equalTo("INVALID_CHARACTER"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("campaignId", "c".repeat(65)))
                .post(path).then().statusCode(422).body("errors[0].code", equalTo("OUT_OF_RANGE"));
    }

    /** Requests a simulation, checks the 202 and its Location, and reads it there until it is done. */
    private static JsonPath simulate(String candidate, String campaign, String token) {
        Response accepted = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign)).post("/api/rule-sets/" + candidate + "/simulations");
        accepted.then().statusCode(202).body("status", equalTo("RUNNING")).body("campaignId", equalTo(campaign));
        String location = accepted.header("Location");
        assertThat(location).endsWith("/api/rule-sets/" + candidate + "/simulations/" + accepted.path("id"));
        JsonPath[] done = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath body = given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath();
            done[0] = body;
            return !"RUNNING".equals(body.getString("status"));
        });
        assertThat(done[0].getString("status")).as(done[0].getString("failure")).isEqualTo("DONE");
        return done[0];
    }

    private static void upload(String version, ObjectNode document) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(RuleSetDocuments.text(document))
                .put("/api/rule-sets/" + version).then().statusCode(201);
    }

    private static String unit(String region, String campaign, ObjectNode answers) {
        return unit(Submissions.unitId(region), region, campaign, answers);
    }

    private static String unit(String unitId, String region, String campaign, ObjectNode answers) {
        Submissions.send(Submissions.event(unitId, region, campaign, UUID.randomUUID(), 1, answers, true));
        Submissions.awaitAssessment(unitId, 1, 1);
        return unitId;
    }

    /** Every row a publication would write, of the whole service and of the units, as one text. */
    private String snapshot(List<String> units) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select concat_ws('|',
                    (select count(*) || '/' || coalesce(max(id), 0) from assessment),
                    (select count(*) || '/' || coalesce(max(id), 0) from outbox_event),
                    (select count(*) from review_item),
                    (select count(*) from review_audit),
                    (select count(*) from remediation_item),
                    (select count(*) from rule_set_activation),
                    (select string_agg(unit_id || ':' || version || ':' || rule_set_version || ':' || latest, ','
                        order by unit_id, version) from assessment where unit_id in (:units)),
                    (select string_agg(unit_id || ':' || level || ':' || status || ':' || text_hash, ','
                        order by unit_id, level, text_hash) from review_item where unit_id in (:units)),
                    (select string_agg(unit_id || ':' || level || ':' || status || ':' || outcome, ','
                        order by unit_id, level) from remediation_item where unit_id in (:units)))""")
                .setParameter("units", units).getSingleResult().toString());
    }

    /** How many events of the units are on alf.assessments.v1, reading until {@code expected} or a few seconds. */
    private static int events(List<String> units, int expected) {
        try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
            return probe.await(r -> units.contains(r.key()), expected, Duration.ofSeconds(10)).size();
        }
    }
}
