package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class ReferenceStatisticsTest {

    @Test
    void jsonAndCsvUploadsAreVersionedAndTheLatestWins() {
        int year = Events.uniqueYear();
        given().auth().oauth2(Tokens.admin()).contentType("application/json").queryParam("source", "SCB 2019")
                .body("[{\"regionCode\": \"01\", \"value\": 2400000}, {\"regionCode\": \"24\", \"value\": 274000}]")
                .put("/api/reference/population/" + year)
                .then().statusCode(200).body("version", equalTo(1)).body("kind", equalTo("POPULATION"))
                .body("year", equalTo(year)).body("source", equalTo("SCB 2019")).body("loadedBy", equalTo("admin"))
                .body("values", hasSize(2));
        given().auth().oauth2(Tokens.monitor()).contentType("text/csv").queryParam("source", "SCB 2019 revised")
                .body("regionCode,value\n01,2415000\n")
                .put("/api/reference/population/" + year)
                .then().statusCode(200).body("version", equalTo(2)).body("values", hasSize(1));

        given().auth().oauth2(Tokens.monitor()).get("/api/reference/population/" + year)
                .then().statusCode(200).body("version", equalTo(2)).body("source", equalTo("SCB 2019 revised"))
                .body("values[0].regionCode", equalTo("01")).body("values[0].value", equalTo(2415000));
        given().auth().oauth2(Tokens.admin()).get("/api/reference/cancer-incidence/" + year)
                .then().statusCode(404).body("code", equalTo("REFERENCE_NOT_FOUND"));
    }

    @Test
    void everyBadRowIsReportedAtOnceAndNothingIsStored() {
        int year = Events.uniqueYear();
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("""
                        [{"regionCode": "99", "value": 1}, {"regionCode": "01", "value": -5},
                         {"regionCode": "03", "value": "many"}, {"value": 3}, {"regionCode": "03", "value": 4}]""")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.pointer", containsInAnyOrder("/0/regionCode", "/1/value", "/2/value",
                        "/3/regionCode", "/4/regionCode"))
                .body("errors.code", containsInAnyOrder("UNKNOWN_REGION", "OUT_OF_RANGE", "WRONG_TYPE",
                        "REQUIRED_MISSING", "DUPLICATE_REGION"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("region,value\n01,3\n")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).body("errors[0].code", equalTo("CSV_HEADER"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("regionCode,value\n01,\n1x,7\n")
                .put("/api/reference/cancer-incidence/" + year)
                .then().statusCode(422).body("errors.pointer", containsInAnyOrder("/0/value", "/1/regionCode"));
        given().auth().oauth2(Tokens.admin()).get("/api/reference/cancer-incidence/" + year).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("[]")
                .put("/api/reference/population/" + year).then().statusCode(422);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("[{")
                .put("/api/reference/population/" + year).then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("[]")
                .put("/api/reference/rainfall/" + year).then().statusCode(404);
    }

    @Test
    void onlyMonitorsAndAdminsLoadOrReadReferenceStatistics() {
        String body = "[{\"regionCode\": \"01\", \"value\": 1}]";
        given().contentType("application/json").body(body).put("/api/reference/population/2020")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType("application/json").body(body)
                .put("/api/reference/population/2020").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).contentType("application/json").body(body)
                .put("/api/reference/population/2020").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor()).get("/api/reference/population/2020").then().statusCode(403);
        given().get("/api/reference/population/2020").then().statusCode(401);
    }
}
