package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;

/**
 * ALF-05: active registered units that submitted, out of all active registered units, per region and summed above.
 * Each test uses its own campaign, but the registry is shared, so the expectations are differences in the counts of
 * a region no other test registers units in.
 */
@QuarkusTest
class ResponseRateTest {

    @Test
    void theResponseRateCountsActiveRegisteredUnitsThatSubmitted() {
        int year = Events.uniqueYear();
        String campaign = "alf-" + (year - 3) + "-" + year;
        String period = campaign.substring("alf-".length());
        String s = String.valueOf(System.nanoTime() % 1_000_000);
        for (int i = 1; i <= 4; i++) {
            Events.unit("21-RR-" + s + "-" + i, "21", true);
        }
        Events.unit("21-RR-" + s + "-inactive", "21", false);
        Events.submission(campaign, "alf-usve", "21-RR-" + s + "-1", "21", Events.json("{}"));
        Events.submission(campaign, "alf-usve", "21-RR-" + s + "-2", "21", Events.json("{}"));
        Events.submission(campaign, "alf-usve", "21-RR-" + s + "-inactive", "21", Events.json("{}"));
        Events.submission(campaign, "alf-usve", "21-RR-" + s + "-unregistered", "21", Events.json("{}"));

        // units and submissions arrive on two topics in no particular order: wait for the state after all of them
        Map<String, Object> region = await().atMost(Duration.ofSeconds(60)).until(() -> value(period, "21"),
                v -> v != null && "2".equals(String.valueOf(inputs(v).get("respondingUnits")))
                        && "2".equals(String.valueOf(inputs(v).get("respondingUnregistered")))
                        && ((Number) inputs(v).get("registeredUnits")).longValue() >= 4);
        Map<String, Object> inputs = inputs(region);
        long registered = ((Number) inputs.get("registeredUnits")).longValue();
        assertThat(registered).isGreaterThanOrEqualTo(4);
        assertThat(inputs).containsEntry("respondingUnregistered", 2);
        assertThat(region.get("orgUnitLevel")).isEqualTo("REGION");
        assertThat(new java.math.BigDecimal(region.get("value").toString())).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(200).divide(java.math.BigDecimal.valueOf(registered), 1,
                        java.math.RoundingMode.HALF_UP));

        // a responding unit leaves the registry's active units: it counts in neither part any more
        Events.unit("21-RR-" + s + "-2", "21", false);
        Map<String, Object> after = await().atMost(Duration.ofSeconds(60)).until(() -> value(period, "21"),
                v -> v != null && "1".equals(String.valueOf(inputs(v).get("respondingUnits")))
                        && "3".equals(String.valueOf(inputs(v).get("respondingUnregistered"))));
        assertThat(((Number) inputs(after).get("registeredUnits")).longValue()).isEqualTo(registered - 1);
        assertThat(inputs(after)).containsEntry("respondingUnregistered", 3);

        // the nation sums numerators and denominators of the regions
        Map<String, Object> nation = value(period, "SE");
        assertThat(nation).isNotNull();
        assertThat(new java.math.BigDecimal(nation.get("numerator").toString())).isEqualByComparingTo("1");
        assertThat(new java.math.BigDecimal(nation.get("denominator").toString()))
                .isGreaterThanOrEqualTo(java.math.BigDecimal.valueOf(registered - 1));
        given().auth().oauth2(Tokens.viewer()).get("/api/indicators").then().statusCode(200)
                .body("find { it.code == 'ALF-05' }.levels", org.hamcrest.Matchers.contains("REGION", "ALF",
                        "NATION"));
    }

    private static Map<String, Object> value(String period, String orgUnit) {
        JsonPath body = given().auth().oauth2(Tokens.monitor()).queryParam("indicator", "ALF-05")
                .queryParam("orgUnit", orgUnit).queryParam("period", period).get("/api/values").then()
                .statusCode(200).extract().jsonPath();
        return body.getList("$").isEmpty() ? null : body.getMap("[0]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs(Map<String, Object> value) {
        return (Map<String, Object>) value.get("inputs");
    }
}
