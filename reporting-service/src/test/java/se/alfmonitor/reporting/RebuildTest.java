package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

/** Region 18 gets units from this test only. */
@QuarkusTest
class RebuildTest {

    @Test
    void rebuildingFromTheTopicsGivesIdenticalResponses() {
        String s = Events.suffix();
        String campaign = "alf-rb-" + s;
        String indicator = "T-RB-" + s;
        Events.unit("18-A-" + s, "18", true);
        Events.unit("18-B-" + s, "18", true);
        Events.unit("18-C-" + s, "18", true);
        Events.assessment(campaign, "18-A-" + s, "18", n -> LevelOutcome.MET);
        Events.assessment(campaign, "18-B-" + s, "18", n -> n > 20 ? LevelOutcome.NOT_MET : LevelOutcome.MET);
        Events.indicator(indicator, "18", "2020", "5", "100", "1000", "50.0");
        Events.indicator(indicator, "18", "2021", "7", "100", "1000", "70.0");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/compliance")
                    .then().statusCode(200).body("regions.find { it.code == '18' }.respondingUnits", equalTo(2));
            given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/completeness")
                    .then().statusCode(200).body("regions.find { it.code == '18' }.expected", equalTo(3));
            given().auth().oauth2(Tokens.viewer()).queryParam("orgUnit", "18")
                    .get("/api/indicators/{code}/series", indicator).then().statusCode(200)
                    .body("points.size()", equalTo(2));
        });
        Map<String, String> before = responses(campaign, indicator, "18-B-" + s);
        assertThat(before.get("compliance.json")).contains("\"respondingUnits\":2");

        given().auth().oauth2(Tokens.admin()).post("/api/admin/rebuild").then().statusCode(200)
                .body("records.'alf.assessments.v1'", greaterThanOrEqualTo(2))
                .body("records.'alf.units.v1'", greaterThanOrEqualTo(3))
                .body("records.'alf.indicators.v1'", greaterThanOrEqualTo(2))
                .body("applied", greaterThanOrEqualTo(7));

        assertThat(responses(campaign, indicator, "18-B-" + s)).isEqualTo(before);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).post("/api/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.monitor()).post("/api/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("18")).post("/api/admin/rebuild").then().statusCode(403);
    }

    private static Map<String, String> responses(String campaign, String indicator, String unit) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String accept : new String[] { "application/json", "text/csv" }) {
            String ext = accept.endsWith("json") ? ".json" : ".csv";
            bodies.put("compliance" + ext, get(accept, "/api/compliance?campaignId=" + campaign));
            bodies.put("completeness" + ext, get(accept, "/api/completeness?campaignId=" + campaign));
            bodies.put("region" + ext, get(accept, "/api/regions/18/scorecard?campaignId=" + campaign));
            bodies.put("remediation" + ext, get(accept, "/api/remediation?campaignId=" + campaign));
            bodies.put("unit" + ext, get(accept, "/api/units/" + unit + "/scorecard?campaignId=" + campaign));
            bodies.put("series" + ext, get(accept, "/api/indicators/" + indicator + "/series?orgUnit=18"));
        }
        return bodies;
    }

    private static String get(String accept, String path) {
        return given().auth().oauth2(Tokens.admin()).accept(accept).get(path).then().statusCode(200).extract()
                .asString();
    }
}
