package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.testing.Tokens;

/**
 * The candidates shipped under {@code rule-sets/candidates/}, each a reading of one of the report's own doubts: an
 * admin uploads the file as it is, it passes every check as a draft, and it differs from the rule set in force only
 * at its level, which names the ambiguity it reads differently.
 */
@QuarkusTest
class ShippedCandidatesTest {

    @ParameterizedTest
    @CsvSource({ "level-8-more-than-five.json, 2021.1-c8, 8, AMB-02",
            "level-6-any-actor.json, 2021.1-c6, 6, AMB-04",
            "level-26-every-year.json, 2021.1-c26, 26, AMB-07" })
    void aShippedCandidateUploadsAsADraftAndChangesOnlyItsLevel(String file, String version, int level,
            String ambiguity) throws IOException {
        String document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rule-sets/candidates/" + file)) {
            assertThat(in).as("rule-sets/candidates/%s on the class path", file).isNotNull();
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(document)
                .put("/api/rule-sets/" + version).then().statusCode(201)
                .body("status", equalTo("DRAFT"));
        try {
            JsonPath diff = given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/2021.1/diff/" + version)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(diff.getList("levels.number", Integer.class)).containsExactly(level);
            assertThat(diff.getList("levels[0].changes.field", String.class)).contains("met");
            JsonPath candidate = given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then()
                    .statusCode(200).extract().jsonPath();
            List<String> ambiguities = candidate.getList("levels.find { it.number == " + level + " }.ambiguities",
                    String.class);
            assertThat(ambiguities).containsExactly(ambiguity);
            assertThat(candidate.getString("descriptionEn")).contains(ambiguity);
        } finally {
            given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(204);
        }
    }
}
