package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class FeedAndExportTest {

    @Test
    void theFeedReturnsNewValuesInComputationOrderFromAnyCursor() {
        String start = endOfFeed();
        String campaign = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String unit = campaign + "-U";
        Events.assessment(campaign, unit, "05", true, 0, List.of());

        List<Map<String, Object>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            mine.clear();
            mine.addAll(read(start, 1000).stream().filter(v -> period.equals(v.get("period"))).toList());
            assertThat(mine).extracting(v -> v.get("indicator") + "|" + v.get("orgUnit"))
                    .contains("ALF-02|" + unit, "ALF-02|05", "ALF-02|ALF", "ALF-02|SE");
        });
        List<String> alf02 = mine.stream().filter(v -> "ALF-02".equals(v.get("indicator")))
                .map(v -> (String) v.get("orgUnit")).toList();
        // a unit's value is computed before the aggregates it feeds
        assertThat(alf02).containsExactly(unit, "05", "ALF", "SE");

        // reading from a cursor in the middle returns exactly the rest, in the same order
        JsonPath firstPage = page(start, 3);
        List<Map<String, Object>> rest = read(firstPage.getString("next"), 50);
        List<Map<String, Object>> all = read(start, 50);
        assertThat(all.subList(3, all.size())).isEqualTo(rest.subList(0, all.size() - 3));
    }

    @Test
    void feedErrorsAndAuthorization() {
        given().auth().oauth2(Tokens.monitor()).queryParam("after", "not-a-cursor").get("/api/feed")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        given().auth().oauth2(Tokens.monitor()).queryParam("limit", 0).get("/api/feed")
                .then().statusCode(400).body("errors[0].pointer", equalTo("?limit"));
        given().auth().oauth2(Tokens.viewer()).get("/api/feed").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).get("/api/feed").then().statusCode(403);
        given().get("/api/feed").then().statusCode(401);
        // from the start, history replays
        given().auth().oauth2(Tokens.monitor()).queryParam("limit", 1).get("/api/feed")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void valuesExportAsCsvAndViewersGetNoUnitRows() {
        String campaign = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String unit = campaign + "-U";
        Events.assessment(campaign, unit, "24", true, 0, List.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .accept("text/csv").queryParam("indicator", "ALF-02").queryParam("period", period)
                .get("/api/values").then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("ALF-02," + unit + ",UNIT," + period + ",1,1,100,100.0,"))
                .body(containsString("ALF-02,24,REGION," + period + ",")));
        String viewerCsv = given().auth().oauth2(Tokens.viewer()).accept("text/csv")
                .queryParam("indicator", "ALF-02").queryParam("period", period).get("/api/values")
                .then().statusCode(200).extract().asString();
        assertThat(viewerCsv).startsWith("indicator,orgUnit,orgUnitLevel,period,numerator,denominator,factor,value,")
                .contains("ALF-02,24,REGION," + period).doesNotContain(unit);
        given().auth().oauth2(Tokens.viewer()).accept("text/csv").get("/api/values")
                .then().statusCode(200).body(not(containsString(",UNIT,")));
    }

    @Test
    void recomputeIsForAdminsAndChangesNothingThatIsUpToDate() {
        given().auth().oauth2(Tokens.monitor()).post("/api/recompute").then().statusCode(403);
        given().post("/api/recompute").then().statusCode(401);
        String campaign = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        Events.assessment(campaign, campaign + "-U", "03", false, 0, List.of());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .get("/api/values/ALF-02/03/" + period).then().statusCode(200));
        String before = given().auth().oauth2(Tokens.monitor()).get("/api/values/ALF-02/03/" + period)
                .then().extract().path("computedAt");
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        given().auth().oauth2(Tokens.monitor()).get("/api/values/ALF-02/03/" + period)
                .then().statusCode(200).body("computedAt", equalTo(before)).body("value", equalTo(0.0f));
    }

    private static String endOfFeed() {
        String cursor = null;
        while (true) {
            JsonPath page = page(cursor, 1000);
            cursor = page.getString("next");
            if (page.getList("items").size() < 1000) {
                return cursor;
            }
        }
    }

    private static List<Map<String, Object>> read(String after, int limit) {
        return page(after, limit).getList("items");
    }

    private static JsonPath page(String after, int limit) {
        var request = given().auth().oauth2(Tokens.monitor()).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/feed").then().statusCode(200).extract().jsonPath();
    }
}
