package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.assessment.rules.RuleSetUploadEntity;
import se.alfmonitor.testing.Tokens;

/** Candidate rule sets over the API: uploaded as drafts, checked, replaced, deleted, diffed and published. */
@QuarkusTest
class RuleSetLifecycleTest {

    @Test
    void anAdminUploadsReplacesAndDeletesADraft() {
        String version = RuleSetDocuments.version("lifecycle");
        put(version, RuleSetDocuments.shipped(version)).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/rule-sets/" + version))
                .body("version", equalTo(version)).body("status", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("created", equalTo(true));
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.status", equalTo("DRAFT"))
                .body("find { it.version == '" + version + "' }.active", equalTo(false))
                .body("find { it.version == '" + version + "' }.shipped", equalTo(false))
                .body("find { it.version == '" + version + "' }.levels", equalTo(27))
                .body("find { it.version == '2021.1' }.shipped", equalTo(true));

        put(version, RuleSetDocuments.moreThanFiveArticles(version)).then().statusCode(200)
                .body("revision", equalTo(2)).body("created", equalTo(false));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/rule-sets/" + version).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("active", equalTo(false))
                .body("levels[7].ruleEn", equalTo("Yes if more than 5 articles in total during 2018–2021"));

        given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(204);
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then().statusCode(404)
                .body("code", equalTo("RULE_SET_NOT_FOUND"));
        given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(404)
                .body("code", equalTo("RULE_SET_NOT_FOUND"));
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then()
                .body("version", not(hasItem(version)));
    }

    @Test
    void aHostileUploadIsRefusedWithEveryProblemAtOnceAndChangesNothing() {
        String version = RuleSetDocuments.version("hostile");
        put(version, RuleSetDocuments.shipped(version)).then().statusCode(201);
        String stored = given().auth().oauth2(Tokens.admin()).get("/api/rule-sets/" + version).asString();

        ObjectNode hostile = RuleSetDocuments.shipped(version);
        RuleSetDocuments.level(hostile, 3).put("met", "answers['6a'] ==");
        RuleSetDocuments.level(hostile, 5).putArray("items").add("nope");
        RuleSetDocuments.level(hostile, 9).put("met", "'16a' in answers && answers['16a'] == 'MAYBE'");
        ((ArrayNode) hostile.get("levels")).remove(26);
        JsonPath problem = put(version, hostile).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("RULE_SET_INVALID"))
                .body("errors", hasSize(4))
                .extract().jsonPath();
        assertThat(problem.getList("errors.code")).containsExactlyInAnyOrder("EXPRESSION_INVALID", "UNKNOWN_ITEM",
                "INVALID_OPTION", "LEVEL_MISSING");
        assertThat(problem.getList("errors.pointer")).containsExactlyInAnyOrder("/levels/2/met", "/levels/4/items/0",
                "/levels/8/met", "/levels");

        // the body names another version; not JSON; not an object; five megabytes
        put(version, RuleSetDocuments.shipped("other")).then().statusCode(400)
                .body("code", equalTo("RULE_SET_INVALID")).body("errors[0].code", equalTo("VERSION_MISMATCH"))
                .body("errors[0].pointer", equalTo("/version"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"version\": ")
                .put("/api/rule-sets/" + version).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("[]")
                .put("/api/rule-sets/" + version).then().statusCode(400).body("code", equalTo("RULE_SET_INVALID"));
        ObjectNode large = RuleSetDocuments.shipped(version);
        large.put("descriptionEn", "x".repeat(5 * 1024 * 1024));
        put(version, large).then().statusCode(413).body("code", equalTo("RULE_SET_TOO_LARGE"));

        // nothing changed: the draft as it was, at its first revision, and no other version
        assertThat(given().auth().oauth2(Tokens.admin()).get("/api/rule-sets/" + version).asString())
                .isEqualTo(stored);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RuleSetUploadEntity
                .<RuleSetUploadEntity>findById(version).revision)).isEqualTo(1);
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then().body("version", not(hasItem("other")));
    }

    @Test
    void shippedAndPublishedRuleSetsAreImmutable() {
        put("2021.1", RuleSetDocuments.shipped("2021.1")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("RULE_SET_IMMUTABLE"));
        given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/2021.1").then().statusCode(409)
                .body("code", equalTo("RULE_SET_IMMUTABLE"));

        // the shipped rule set under another version: publishing it changes no outcome
        String version = RuleSetDocuments.version("published");
        put(version, RuleSetDocuments.shipped(version)).then().statusCode(201);
        try {
            given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/" + version + "/publish").then()
                    .statusCode(200).body("ruleSetVersion", equalTo(version));
            given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then()
                    .body("status", equalTo("PUBLISHED")).body("active", equalTo(true));
            given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then()
                    .body("find { it.version == '" + version + "' }.publishedAt", not(nullValue()));
            put(version, RuleSetDocuments.shipped(version)).then().statusCode(409)
                    .body("code", equalTo("RULE_SET_IMMUTABLE"));
            given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(409)
                    .body("code", equalTo("RULE_SET_IMMUTABLE"));
        } finally {
            given().auth().oauth2(Tokens.admin()).post("/api/rule-sets/2021.1/publish").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then()
                .body("status", equalTo("PUBLISHED")).body("active", equalTo(false));
    }

    @Test
    void draftsAreReadFromTheirTableAsAnotherReplicaOrARestartWouldFindThem() {
        String version = RuleSetDocuments.version("stored");
        QuarkusTransaction.requiringNew().run(() -> {
            RuleSetUploadEntity row = new RuleSetUploadEntity();
            row.version = version;
            row.questionnaireKey = "alf-usve";
            row.questionnaireVersion = "2021";
            row.document = RuleSetDocuments.moreThanFiveArticles(version);
            row.status = RuleSetUploadEntity.DRAFT;
            row.revision = 1;
            row.uploadedBy = "admin";
            row.uploadedAt = Instant.now();
            row.persist();
        });
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then()
                .body("find { it.version == '" + version + "' }.status", equalTo("DRAFT"));
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then().statusCode(200)
                .body("levels[7].met", org.hamcrest.Matchers.endsWith("> 5"));

        QuarkusTransaction.requiringNew().run(() -> RuleSetUploadEntity.deleteById(version));
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then().body("version", not(hasItem(version)));
    }

    @Test
    void theDiffNamesEveryFieldThatChangedLevelByLevel() {
        String version = RuleSetDocuments.version("diff");
        ObjectNode candidate = RuleSetDocuments.moreThanFiveArticles(version);
        ((ObjectNode) RuleSetDocuments.level(candidate, 23).get("review"))
                .put("criteriaSv", "Godkänn om exemplet visar utveckling.");
        RuleSetDocuments.level(candidate, 24).put("notApplicable", "false");
        put(version, candidate).then().statusCode(201);

        JsonPath diff = given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/2021.1/diff/" + version).then()
                .statusCode(200).body("from", equalTo("2021.1")).body("to", equalTo(version))
                .body("ruleSet", hasSize(0)).body("unchanged", hasSize(24)).body("levels", hasSize(3))
                .extract().jsonPath();
        assertThat(diff.getList("levels.number")).containsExactly(8, 23, 24);
        assertThat(diff.getList("levels[0].changes.field")).containsExactlyInAnyOrder("met", "ruleSv", "ruleEn");
        assertThat(diff.getString("levels[0].changes.find { it.field == 'met' }.to")).endsWith("> 5");
        assertThat(diff.getString("levels[0].changes.find { it.field == 'met' }.from")).endsWith(">= 5");
        assertThat(diff.getList("levels[1].changes.field")).containsExactly("review.criteriaSv");
        assertThat(diff.getMap("levels[2].changes[0]")).isEqualTo(Map.of("field", "notApplicable",
                "from", "'36' in answers && answers['36'] == 'NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT'",
                "to", "false"));
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/2021.1/diff/1999.9").then().statusCode(404)
                .body("code", equalTo("RULE_SET_NOT_FOUND"));
        given().get("/api/rule-sets/2021.1/diff/" + version).then().statusCode(401);
    }

    @Test
    void onlyAnAdminUploadsAndDeletes() {
        String version = RuleSetDocuments.version("roles");
        String body = RuleSetDocuments.text(RuleSetDocuments.shipped(version));
        given().contentType(ContentType.JSON).body(body).put("/api/rule-sets/" + version).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().delete("/api/rule-sets/" + version).then().statusCode(401);
        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer(), Tokens.reporter("01"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/rule-sets/" + version)
                    .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            given().auth().oauth2(token).delete("/api/rule-sets/" + version).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets/" + version).then().statusCode(404);
        put(version, RuleSetDocuments.shipped(version)).then().statusCode(201);
        given().auth().oauth2(Tokens.assessor()).delete("/api/rule-sets/" + version).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(204);
    }

    private static io.restassured.response.Response put(String version, ObjectNode document) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(RuleSetDocuments.text(document)).put("/api/rule-sets/" + version);
    }
}
