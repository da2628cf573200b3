package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.alfmonitor.testing.Tokens;

/**
 * A simulation over many batches on two threads (batches of two units here): the matrices counted from batches that
 * finish in any order, and the changed levels each batch inserts, add up to exactly the units the candidate moves.
 */
@QuarkusTest
@TestProfile(SimulationBatchesTest.SmallBatches.class)
class SimulationBatchesTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alf.assessment.reassess-batch-size", "2", "alf.assessment.reassess-parallelism", "2");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void batchesOnTwoThreadsAddUpToExactlyTheUnitsThatChange() {
        String campaign = "simb-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> five = new ArrayList<>();
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            five.add(unit(i % 2 == 0 ? "14" : "03", campaign, AlfUsveAnswers.allMet()));
        }
        for (int i = 0; i < 3; i++) {
            ObjectNode answers = AlfUsveAnswers.allMet();
            answers.putObject("15").put("2018", 2).put("2019", 2).put("2020", 1).put("2021", 1);
            six.add(unit("14", campaign, answers));
        }
        String candidate = RuleSetDocuments.version("simb8");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(RuleSetDocuments.text(RuleSetDocuments.moreThanFiveArticles(candidate)))
                .put("/api/rule-sets/" + candidate).then().statusCode(201);

        String id = given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign)).post("/api/rule-sets/" + candidate + "/simulations").then()
                .statusCode(202).extract().path("id");
        String location = "/api/rule-sets/" + candidate + "/simulations/" + id;
        JsonPath[] done = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath body = given().auth().oauth2(Tokens.assessor()).get(location).then().statusCode(200).extract()
                    .jsonPath();
            done[0] = body;
            if ("RUNNING".equals(body.getString("status"))) {
                // stored batch by batch, shown only once whole
                assertThat(body.getList("changes")).isEmpty();
                return false;
            }
            return true;
        });
        JsonPath result = done[0];

        assertThat(result.getString("status")).as(result.getString("failure")).isEqualTo("DONE");
        assertThat(result.getInt("evaluated")).isEqualTo(7);
        assertThat(result.getInt("total")).isEqualTo(7);
        assertThat(result.getList("changes.unitId")).containsExactlyElementsOf(five.stream().sorted().toList());
        assertThat(result.getList("changes.level")).containsOnly(8);
        assertThat(result.getInt("result.unitsChanged")).isEqualTo(4);
        assertThat(result.getInt("result.levelsChanged")).isEqualTo(4);
        assertThat(result.getInt("result.before.levels.find { it.number == 8 }.nation.met")).isEqualTo(7);
        assertThat(result.getInt("result.after.levels.find { it.number == 8 }.nation.met")).isEqualTo(3);
        assertThat(result.getInt("result.after.levels.find { it.number == 8 }.nation.responding")).isEqualTo(7);
        assertThat(result.getInt("result.delta.levels.find { it.number == 8 }.regions['14'].met")).isEqualTo(-2);
        assertThat(result.getInt("result.delta.levels.find { it.number == 8 }.regions['03'].met")).isEqualTo(-2);
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from rule_set_simulation_change where simulation_id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult()).longValue());
        assertThat(rows).isEqualTo(4);
        given().auth().oauth2(Tokens.assessor()).get(location + "/changes.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(five.stream().sorted().toList().get(0)));
        given().auth().oauth2(Tokens.assessor()).queryParam("campaignId", campaign).get("/api/assessments").then()
                .body("ruleSetVersion", org.hamcrest.Matchers.everyItem(equalTo("2021.1")));
    }

    private static String unit(String region, String campaign, ObjectNode answers) {
        String unitId = Submissions.unitId(region);
        Submissions.send(Submissions.event(unitId, region, campaign, UUID.randomUUID(), 1, answers, true));
        Submissions.awaitAssessment(unitId, 1, 1);
        return unitId;
    }
}
