package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;

/**
 * The worked example of indicators.md §2.3 through the API: reference statistics in over HTTP, the regions' study
 * lists in over the broker, the per-1,000 values out. Regions A, B and C are 01, 03 and 05.
 */
@QuarkusTest
class CancerStudiesIndicatorTest {

    @Test
    void workedExampleMatchesToTheDecimalWithSplitExclusionAndYearFlag() {
        int year = Events.uniqueYear();
        String period = String.valueOf(year);
        loadReference(year);
        String campaign = "research-" + year;
        String s1 = study(year, "S1", "[\"01\", \"03\", \"05\"]", "400");
        String s2 = study(year, "S2", "[\"01\", \"03\"]", "140");
        String s3 = study(year, "S3", "[\"05\"]", "30");
        String s4 = study(year, "S4", "[\"01\"]", "100");
        String s5 = study(year, "S5", "[\"01\", \"05\"]", "null");
        Events.submission(campaign, "regional-research", "REGION-01", "01", studies(s1, s2, s4, s5));
        Events.submission(campaign, "regional-research", "REGION-03", "03", studies(s1, s2));
        Events.submission(campaign, "regional-research", "REGION-05", "05", studies(s1, s3, s5));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Map<String, Object>> values = cf01(period);
            assertThat(values).containsKeys("01", "03", "05", "ALF", "SE");
            assertThat(new java.math.BigDecimal(values.get("SE").get("numerator").toString()))
                    .isEqualByComparingTo("670");
            assertThat(new java.math.BigDecimal(values.get("SE").get("denominator").toString()))
                    .isEqualByComparingTo("19700");
        });

        Map<String, Map<String, Object>> values = cf01(period);
        expect(values.get("01"), "REGION", "380", "9500", "40.0", "25.0", 4, 1);
        expect(values.get("03"), "REGION", "210", "7000", "30.0", "0.0", 2, 0);
        expect(values.get("05"), "REGION", "80", "3200", "25.0", "33.3", 3, 1);
        expect(values.get("ALF"), "ALF", "670", "19700", "34.0", "20.0", 5, 1);
        expect(values.get("SE"), "NATION", "670", "19700", "34.0", "20.0", 5, 1);
        for (Map<String, Object> value : values.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = (Map<String, Object>) value.get("inputs");
            assertThat(inputs).containsEntry("studySnapshotYear", year).containsEntry("incidenceYear", year - 2)
                    .containsEntry("populationYear", year - 1).containsEntry("referenceYearsDiffer", true);
            assertThat(value.get("factor").toString()).isEqualTo("1000");
        }

        // CF-05: distinct ongoing studies, once per region and once above
        for (Map.Entry<String, Integer> expected : Map.of("01", 4, "03", 2, "05", 3, "ALF", 5, "SE", 5).entrySet()) {
            given().auth().oauth2(Tokens.viewer()).get("/api/values/CF-05/" + expected.getKey() + "/" + period)
                    .then().statusCode(200).body("numerator", org.hamcrest.Matchers.equalTo(expected.getValue()))
                    .body("denominator", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void aNewReferenceVersionReplacesTheOldAndRecomputes() {
        int year = Events.uniqueYear();
        loadReference(year);
        Events.submission("research-" + year, "regional-research", "REGION-12", "12",
                studies(study(year, "T1", "[\"12\"]", "50")));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("source", "test 1")
                .body("regionCode,value\n12,5000\n").put("/api/reference/cancer-incidence/" + (year - 2))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cf01(String.valueOf(year)).get("12"))
                .isNotNull().extracting(v -> String.valueOf(v.get("value"))).isEqualTo("10.0"));

        given().auth().oauth2(Tokens.monitor()).contentType("text/csv").queryParam("source", "test 2")
                .body("regionCode,value\n12,2500\n").put("/api/reference/cancer-incidence/" + (year - 2))
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cf01(String.valueOf(year)).get("12"))
                .containsEntry("value", 20.0f).containsEntry("denominator", 2500));
        Map<String, Object> region = cf01(String.valueOf(year)).get("12");
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) region.get("inputs");
        assertThat(inputs).containsEntry("incidenceSource", "test 2").containsEntry("studiesInvolving", 1);
    }

    private static void expect(Map<String, Object> value, String level, String numerator, String denominator,
            String perThousand, String excludedShare, int studies, int excluded) {
        assertThat(value.get("orgUnitLevel")).isEqualTo(level);
        assertThat(new java.math.BigDecimal(value.get("numerator").toString())).isEqualByComparingTo(numerator);
        assertThat(new java.math.BigDecimal(value.get("denominator").toString())).isEqualByComparingTo(denominator);
        assertThat(value.get("value").toString()).isEqualTo(perThousand);
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) value.get("inputs");
        assertThat(inputs.get("excludedShare").toString()).isEqualTo(excludedShare);
        assertThat(inputs).containsEntry("studiesInvolving", studies).containsEntry("studiesExcluded", excluded);
    }

    /** CF-01 values of a period by org unit, as a viewer sees them. */
    static Map<String, Map<String, Object>> cf01(String period) {
        JsonPath body = given().auth().oauth2(Tokens.viewer()).queryParam("indicator", "CF-01")
                .queryParam("period", period).get("/api/values").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = body.getList("$");
        Map<String, Map<String, Object>> byOrgUnit = new java.util.TreeMap<>();
        list.forEach(v -> byOrgUnit.put((String) v.get("orgUnit"), v));
        return byOrgUnit;
    }

    /** Population a year before the snapshot (JSON), incidence two years before (CSV): the years differ. */
    static void loadReference(int year) {
        given().auth().oauth2(Tokens.monitor()).contentType("application/json").queryParam("source", "SCB test")
                .body("""
                        [{"regionCode": "01", "value": 2000000}, {"regionCode": "03", "value": 1500000},
                         {"regionCode": "05", "value": 500000}, {"regionCode": "12", "value": 1400000}]""")
                .put("/api/reference/population/" + (year - 1)).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("source", "Socialstyrelsen test")
                .body("regionCode,value\n01,9500\n03,7000\n05,3200\n")
                .put("/api/reference/cancer-incidence/" + (year - 2)).then().statusCode(200);
    }

    static String study(int year, String id, String regions, String patients) {
        return """
                {"registryId": "NCT%d%s", "diagnosisGroup": "BREAST", "sponsorType": "ACADEMIC",
                 "studyType": "DRUG_TRIAL", "phase": "III", "status": "RECRUITING", "startDate": "%d-03-01",
                 "enrolledPatients": %s, "enrolmentType": "PLANNED", "participatingRegions": %s}"""
                .formatted(year, id, year - 1, patients, regions);
    }

    static com.fasterxml.jackson.databind.node.ObjectNode studies(String... rows) {
        return Events.json("{\"newCancerCasesCountingUnit\": \"CASES\", \"clinicalStudies\": ["
                + String.join(",", rows) + "]}");
    }
}
