package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class QuestionnaireAndCampaignApiTest {

    @Test
    void questionnairesAreListedAndServedAsPublished() {
        given().auth().oauth2(Tokens.viewer()).get("/api/questionnaires")
                .then().statusCode(200)
                .body("key", hasItems("alf-usve", "regional-research"))
                .body("find { it.key == 'alf-usve' }.level", equalTo("UNIT"))
                .body("find { it.key == 'alf-usve' }.status", equalTo("PUBLISHED"))
                .body("find { it.key == 'regional-research' }.level", equalTo("REGION"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/questionnaires/{key}/{version}", "alf-usve", "2021")
                .then().statusCode(200)
                .body("key", equalTo("alf-usve"))
                .body("items.find { it.id == '13b' }.type", equalTo("GROUP"))
                .body("items.find { it.id == '13b' }.items[0].id", equalTo("13b.1"))
                .body("items.find { it.id == '3' }.options.code", hasItems("WHOLE_PERIOD", "PART_OF_PERIOD", "NEJ"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/questionnaires/{key}/{version}", "alf-usve", "2017")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("QUESTIONNAIRE_NOT_FOUND"));
        given().get("/api/questionnaires").then().statusCode(401);
        given().get("/api/questionnaires/alf-usve/2021").then().statusCode(401);
    }

    @Test
    void campaignsCarryPeriodWindowAndStatus() {
        given().auth().oauth2(Tokens.viewer()).get("/api/campaigns/{id}", "alf-2018-2021")
                .then().statusCode(200)
                .body("questionnaire.key", equalTo("alf-usve"))
                .body("questionnaire.version", equalTo("2021"))
                .body("periodStart", equalTo("2018-01-01"))
                .body("periodEnd", equalTo("2021-12-31"))
                .body("referenceDate", equalTo("2021-12-31"))
                .body("remediationDue", equalTo("2024-08-31"))
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(Tokens.reporter("03")).get("/api/campaigns")
                .then().statusCode(200).body("id", hasItems("alf-2018-2021", "research-2021"));
        given().auth().oauth2(Tokens.viewer()).get("/api/campaigns/{id}", "nope")
                .then().statusCode(404).body("code", equalTo("CAMPAIGN_NOT_FOUND"));
        given().get("/api/campaigns").then().statusCode(401);
        given().get("/api/campaigns/alf-2018-2021").then().statusCode(401);
    }

    @Test
    void onlyAdminsWriteCampaignsAndEveryProblemIsListed() {
        Map<String, Object> body = Map.of("questionnaire", Map.of("key", "alf-usve", "version", "1999"),
                "periodStart", "2021-01-01", "periodEnd", "2020-12-31", "status", "LOCKED");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/campaigns/{id}", "test-bad-" + Api.suffix())
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.code", hasItems("UNKNOWN_QUESTIONNAIRE", "REQUIRED_MISSING", "INVALID_PERIOD",
                        "LOCK_VIA_ENDPOINT"))
                .body("errors.pointer", hasItems("/questionnaire", "/referenceDate", "/periodEnd", "/status"));
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(body)
                .put("/api/campaigns/{id}", "test-x").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).put("/api/campaigns/{id}", "test-x").then().statusCode(401);
        given().auth().oauth2(Tokens.assessor()).post("/api/campaigns/{id}/lock", "alf-2018-2021")
                .then().statusCode(403);
        given().post("/api/campaigns/{id}/lock", "alf-2018-2021").then().statusCode(401);
    }

    @Test
    void aLockedCampaignRefusesEveryWrite() {
        String campaign = Api.campaign("alf-usve", "OPEN");
        String unit = Api.unit("01");
        UUID submitted = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("01"), submitted, campaign, unit, Fixtures.completeAlfUsve()).statusCode(201);
        Api.submit(Tokens.reporter("01"), submitted).statusCode(200);
        String draftUnit = Api.unit("01");
        UUID draft = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("01"), draft, campaign, draftUnit, Map.of("3", "NEJ")).statusCode(201);

        given().auth().oauth2(Tokens.admin()).post("/api/campaigns/{id}/lock", campaign)
                .then().statusCode(200).body("status", equalTo("LOCKED"));
        given().auth().oauth2(Tokens.admin()).post("/api/campaigns/{id}/lock", campaign)
                .then().statusCode(200).body("status", equalTo("LOCKED"));

        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", submitted)
                .then().statusCode(200).body("status", equalTo("LOCKED"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}/history", submitted)
                .then().statusCode(200).body("action", hasItems("DRAFT_CREATED", "SUBMITTED", "LOCKED"));
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("answers", Fixtures.completeAlfUsve().put("3", "NEJ")))
                .post("/api/submissions/{id}/amendments", submitted)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("SUBMISSION_LOCKED"));
        Api.putDraft(Tokens.reporter("01"), draft, campaign, draftUnit, Map.of("3", "WHOLE_PERIOD"))
                .statusCode(409).body("code", equalTo("SUBMISSION_LOCKED"))
                .body("errors[0].pointer", equalTo("/campaignId"));
        Api.submit(Tokens.reporter("01"), draft).statusCode(409).body("code", equalTo("SUBMISSION_LOCKED"));
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, Api.unit("01"), Map.of())
                .statusCode(409).body("code", equalTo("SUBMISSION_LOCKED"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post("/api/submissions/{id}/return", submitted)
                .then().statusCode(409).body("code", equalTo("SUBMISSION_LOCKED"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                        "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                        "status", "OPEN"))
                .put("/api/campaigns/{id}", campaign)
                .then().statusCode(409).body("code", equalTo("SUBMISSION_LOCKED"));
    }

    @Test
    void aClosedCampaignAnswersCampaignClosed() {
        String campaign = Api.campaign("alf-usve", "CLOSED");
        String unit = Api.unit("01");
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, unit, Map.of())
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("CAMPAIGN_CLOSED"));
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "unitId", unit, "answers", Map.of("3", "MAYBE")))
                .post("/api/submissions/validate")
                .then().statusCode(422)
                .body("errors.code", hasItems("CAMPAIGN_CLOSED", "INVALID_OPTION", "REQUIRED_MISSING"));
        given().auth().oauth2(Tokens.admin()).get("/api/submissions?campaignId={c}", campaign)
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }
}
