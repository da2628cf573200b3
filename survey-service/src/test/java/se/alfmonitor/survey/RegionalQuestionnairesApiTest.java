package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/**
 * The regional management level's questionnaires (alf-region, region-governance) through the same API as the unit
 * questionnaires: answered once per ALF region as {@code REGION-<code>} by that region's reporter.
 */
@QuarkusTest
class RegionalQuestionnairesApiTest {

    @Test
    void bothQuestionnairesArePublishedWithACampaignDueOnTheThirtyFirstOfAugust2024() {
        given().auth().oauth2(Tokens.viewer()).get("/api/questionnaires")
                .then().statusCode(200)
                .body("key", hasItems("alf-region", "region-governance"))
                .body("find { it.key == 'alf-region' }.level", equalTo("REGION"))
                .body("find { it.key == 'region-governance' }.level", equalTo("REGION"));
        given().auth().oauth2(Tokens.reporter("12")).get("/api/questionnaires/{key}/{version}", "alf-region", "2021")
                .then().statusCode(200)
                .body("items.find { it.id == 'R04' }.columns.id", contains("docId", "docType", "title",
                        "regionDecisionDate", "universityDecisionDate", "reference"))
                .body("items.find { it.id == 'R05' }.items.find { it.id == 'R05a' }.type", equalTo("REFERENCE"))
                .body("items.find { it.id == 'R05' }.items.find { it.id == 'R05a' }.references.item",
                        equalTo("R04"))
                .body("items.find { it.id == 'R16' }.inferred", equalTo(true));
        for (String[] campaign : new String[][] {{"alf-region-2018-2021", "alf-region"},
                {"region-governance-2018-2021", "region-governance"}}) {
            given().auth().oauth2(Tokens.viewer()).get("/api/campaigns/{id}", campaign[0])
                    .then().statusCode(200)
                    .body("questionnaire.key", equalTo(campaign[1]))
                    .body("questionnaire.version", equalTo("2021"))
                    .body("level", equalTo("REGION"))
                    .body("periodStart", equalTo("2018-01-01")).body("periodEnd", equalTo("2021-12-31"))
                    .body("remediationDue", equalTo("2024-08-31"))
                    .body("status", equalTo("OPEN"));
        }
        // the shipped campaigns take a complete answer (a dry run, which stores nothing)
        validate(Tokens.reporter("14"), "alf-region-2018-2021", "REGION-14", Fixtures.completeAlfRegion())
                .statusCode(200).body("valid", equalTo(true));
        validate(Tokens.reporter("14"), "region-governance-2018-2021", "REGION-14",
                Fixtures.completeRegionGovernance()).statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aRegionSubmitsBothQuestionnairesAsItsPseudoUnitAndTheEventsCarryThem() throws Exception {
        String bodyCampaign = Api.campaign("alf-region", "OPEN");
        String governanceCampaign = Api.campaign("region-governance", "OPEN");
        UUID body = UUID.randomUUID();
        UUID governance = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("05"), body, bodyCampaign, "REGION-05", Fixtures.completeAlfRegion())
                .statusCode(201).body("regionCode", equalTo("05"));
        Api.submit(Tokens.reporter("05"), body).statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1)).body("answers.'R08.development'", contains("D2", "D1"));
        Api.putDraft(Tokens.reporter("05"), governance, governanceCampaign, "REGION-05",
                Fixtures.completeRegionGovernance()).statusCode(201);
        Api.submit(Tokens.reporter("05"), governance).statusCode(200).body("revision", equalTo(1))
                .body("answers.G08[1].targetValue", equalTo("3,5"));
        // once per region and campaign
        Api.putDraft(Tokens.reporter("05"), UUID.randomUUID(), bodyCampaign, "REGION-05", Map.of())
                .statusCode(409).body("code", equalTo("SUBMISSION_EXISTS"));

        try (TopicProbe probe = TopicProbe.from("alf.submissions.v1")) {
            List<ConsumerRecord<String, String>> records = probe.await(r -> r.value().contains(body.toString())
                    || r.value().contains(governance.toString()), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::key).containsOnly("REGION-05");
            assertThat(records).extracting(r -> read(r.value()).at("/data/questionnaire/key").asText())
                    .containsExactlyInAnyOrder("alf-region", "region-governance");
            assertThat(records).extracting(r -> read(r.value()).at("/data/unit/regionCode").asText())
                    .containsOnly("05");
        }
    }

    @Test
    void invalidAnswersAreRefusedWithEveryProblemAtOnceAndChangeNothing() {
        String campaign = Api.campaign("alf-region", "OPEN");
        UUID id = UUID.randomUUID();
        ObjectNode draft = Fixtures.completeAlfRegion();
        Api.putDraft(Tokens.reporter("03"), id, campaign, "REGION-03", draft).statusCode(201);

        ObjectNode bad = Fixtures.completeAlfRegion();
        bad.put("R15", 2); // wrong type
        bad.remove("R05b"); // required
        bad.put("R44b", "D404"); // no such document in R04
        bad.put("R26", "NEJ"); // hides R26.docId, which stays answered
        Api.putDraft(Tokens.reporter("03"), id, campaign, "REGION-03", bad).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.code", contains("WRONG_TYPE")); // a draft is checked for structure only
        validate(Tokens.reporter("03"), campaign, "REGION-03", bad).statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.code", containsInAnyOrder("WRONG_TYPE", "REQUIRED_MISSING", "UNKNOWN_REFERENCE",
                        "HIDDEN_ITEM_ANSWERED"))
                .body("errors.pointer", containsInAnyOrder("/answers/R15", "/answers/R05b", "/answers/R44b",
                        "/answers/R26.docId"));

        // submitting a draft that cites a document it does not register is refused, and the draft stays a draft
        ObjectNode unregistered = Fixtures.completeAlfRegion();
        unregistered.put("R05a", "D9");
        Api.putDraft(Tokens.reporter("03"), id, campaign, "REGION-03", unregistered).statusCode(200);
        Api.submit(Tokens.reporter("03"), id).statusCode(422)
                .body("errors.code", contains("UNKNOWN_REFERENCE")).body("errors.pointer", contains("/answers/R05a"));
        given().auth().oauth2(Tokens.reporter("03")).get("/api/submissions/{id}", id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("revision", equalTo(0))
                .body("answers.R05a", equalTo("D9"));

        // an amendment with a bad decimal stores nothing
        UUID governance = UUID.randomUUID();
        String governanceCampaign = Api.campaign("region-governance", "OPEN");
        Api.putDraft(Tokens.reporter("03"), governance, governanceCampaign, "REGION-03",
                Fixtures.completeRegionGovernance()).statusCode(201);
        Api.submit(Tokens.reporter("03"), governance).statusCode(200);
        ObjectNode amended = Fixtures.completeRegionGovernance();
        ((ObjectNode) amended.get("G09").get(0)).put("value", "ca 60");
        ((ObjectNode) amended.get("G10").get(0)).put("docRef", "S404");
        given().auth().oauth2(Tokens.reporter("03")).contentType(ContentType.JSON)
                .body(Map.of("answers", amended, "expectedRevision", 1))
                .post("/api/submissions/{id}/amendments", governance)
                .then().statusCode(422)
                .body("errors.code", containsInAnyOrder("INVALID_NUMBER", "UNKNOWN_REFERENCE"))
                .body("errors.pointer", containsInAnyOrder("/answers/G09/0/value", "/answers/G10/0/docRef"));
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions/{id}", governance)
                .then().statusCode(200).body("revision", equalTo(1)).body("answers.G09[0].value", equalTo("61.2"));
    }

    @Test
    void onlyTheRegionsOwnReporterWritesOrReadsItsRegionalAnswers() {
        String campaign = Api.campaign("region-governance", "OPEN");
        UUID id = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("18"), id, campaign, "REGION-18", Fixtures.completeRegionGovernance())
                .statusCode(201);
        Api.submit(Tokens.reporter("18"), id).statusCode(200);

        Api.putDraft(Tokens.reporter("24"), UUID.randomUUID(), campaign, "REGION-18", Map.of())
                .statusCode(403).body("code", equalTo("OTHER_REGION"));
        Api.putDraft(Tokens.reporter("24"), id, campaign, "REGION-18", Map.of())
                .statusCode(403).body("code", equalTo("OTHER_REGION"));
        validate(Tokens.reporter("24"), campaign, "REGION-18", Fixtures.completeRegionGovernance())
                .statusCode(403).body("code", equalTo("OTHER_REGION"));
        Api.submit(Tokens.reporter("24"), id).statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("24")).contentType(ContentType.JSON)
                .body(Map.of("answers", Fixtures.completeRegionGovernance().put("G12", "NEJ")))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}", id)
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}/history", id)
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.viewer()).get("/api/submissions/{id}", id).then().statusCode(403);
        given().get("/api/submissions/{id}", id).then().statusCode(401);
        // an import row for another region's pseudo unit is rejected and stores nothing
        UUID foreign = UUID.randomUUID();
        given().auth().oauth2(Tokens.reporter("24")).contentType(ContentType.JSON)
                .body(List.of(Map.of("submissionId", foreign.toString(), "campaignId", campaign,
                        "unitId", "REGION-01", "answers", Fixtures.completeRegionGovernance(), "submit", true)))
                .post("/api/imports")
                .then().statusCode(200).body("rejected", equalTo(1))
                .body("conflicts[0].errors.code", contains("OTHER_REGION"));
        given().auth().oauth2(Tokens.admin()).get("/api/submissions/{id}", foreign).then().statusCode(404);
        // the owner and the roles that read all regions still can
        given().auth().oauth2(Tokens.reporter("18")).get("/api/submissions/{id}", id)
                .then().statusCode(200).body("unitId", equalTo("REGION-18"));
        given().auth().oauth2(Tokens.assessor()).get("/api/submissions/{id}", id).then().statusCode(200);
    }

    @Test
    void regionIdsAreForRegionLevelQuestionnairesOnlyAndUnitIdsForUnitLevelOnes() {
        String bodyCampaign = Api.campaign("alf-region", "OPEN");
        String governanceCampaign = Api.campaign("region-governance", "OPEN");
        String unit = Api.unit("01");
        for (String campaign : List.of(bodyCampaign, governanceCampaign)) {
            Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, unit, Map.of())
                    .statusCode(422).body("errors.code", contains("WRONG_QUESTIONNAIRE_LEVEL"))
                    .body("errors.pointer", contains("/unitId"));
            // county 02 is no ALF region, 99 no county
            Api.putDraft(Tokens.admin(), UUID.randomUUID(), campaign, "REGION-02", Map.of())
                    .statusCode(422).body("errors.code", contains("UNKNOWN_UNIT"));
            Api.putDraft(Tokens.admin(), UUID.randomUUID(), campaign, "REGION-99", Map.of())
                    .statusCode(422).body("errors.code", contains("UNKNOWN_UNIT"));
        }
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), Api.ALF, "REGION-01", Fixtures.completeAlfRegion())
                .statusCode(422).body("errors.code", hasItems("WRONG_QUESTIONNAIRE_LEVEL"));
        // an admin answers for any region; the submission still belongs to the pseudo unit's region
        UUID byAdmin = UUID.randomUUID();
        Api.putDraft(Tokens.admin(), byAdmin, bodyCampaign, "REGION-12", Map.of("R01", "Regionala ALF-kommittén"))
                .statusCode(201).body("regionCode", equalTo("12"));
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?campaignId={c}&regionCode=12", bodyCampaign)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].unitId", equalTo("REGION-12"));
        // pseudo units are not units
        given().auth().oauth2(Tokens.admin()).get("/api/units?regionCode=12")
                .then().statusCode(200).body("id.findAll { it.startsWith('REGION-') }.size()", equalTo(0));
    }

    @Test
    void everyTransitionIsInTheHistoryAndImportsAreAudited() {
        String campaign = Api.campaign("alf-region", "OPEN");
        UUID id = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("24"), id, campaign, "REGION-24", Fixtures.completeAlfRegion()).statusCode(201);
        Api.submit(Tokens.reporter("24"), id).statusCode(200);
        ObjectNode amended = Fixtures.completeAlfRegion();
        amended.put("R19", "BIENNIAL").putArray("R08.research").add("D2").add("D5");
        given().auth().oauth2(Tokens.reporter("24")).contentType(ContentType.JSON)
                .body(Map.of("answers", amended, "expectedRevision", 1))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(201).body("revision", equalTo(2));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("comment", "R04 saknar universitetets beslut om D2."))
                .post("/api/submissions/{id}/return", id).then().statusCode(200);
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}/history", id)
                .then().statusCode(200)
                .body("action", contains("DRAFT_CREATED", "SUBMITTED", "AMENDED", "RETURNED"))
                .body("revision", contains(0, 1, 2, 2))
                .body("actor", contains("service-account-region-24", "service-account-region-24",
                        "service-account-region-24", "assessor"))
                .body("[2].changes.item", containsInAnyOrder("R19", "R08.research"))
                .body("[2].changes.find { it.item == 'R19' }.before", equalTo("YEARLY"))
                .body("[2].changes.find { it.item == 'R19' }.after", equalTo("BIENNIAL"))
                .body("[3].comment", equalTo("R04 saknar universitetets beslut om D2."));
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions/{id}/revisions/{n}", id, 1)
                .then().statusCode(200).body("answers.R19", equalTo("YEARLY"));

        // a CSV import: a multiple reference is |-separated, and each change carries the import's id
        String governanceCampaign = Api.campaign("region-governance", "OPEN");
        String secondCampaign = Api.campaign("alf-region", "OPEN");
        UUID governance = UUID.randomUUID();
        UUID body = UUID.randomUUID();
        String csv = "submissionId,campaignId,unitId,itemId,value,submit\n"
                + governance + "," + governanceCampaign + ",REGION-24,documents/0/docId,S1,false\n"
                + governance + "," + governanceCampaign + ",REGION-24,documents/0/title,Forskningsstrategi,false\n"
                + governance + "," + governanceCampaign + ",REGION-24,G02,Ett utpekat organ har ansvaret,false\n"
                + governance + "," + governanceCampaign + ",REGION-24,G08/0/targetValue,\"0,75\",false\n"
                + body + "," + secondCampaign + ",REGION-24,R08.education,D1|D2,false\n"
                + body + "," + secondCampaign + ",REGION-24,R05a,D1,false\n";
        String importId = given().auth().oauth2(Tokens.reporter("24")).contentType("text/csv").body(csv)
                .post("/api/imports")
                .then().statusCode(200).body("imported", equalTo(2)).body("rejected", equalTo(0))
                .extract().path("importId");
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}", governance)
                .then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("answers.G02", equalTo("SINGLE_BODY"))
                .body("answers.documents[0].docId", equalTo("S1"))
                .body("answers.G08[0].targetValue", equalTo("0,75"));
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}", body)
                .then().statusCode(200).body("answers.'R08.education'", contains("D1", "D2"))
                .body("answers.R05a", equalTo("D1"));
        given().auth().oauth2(Tokens.reporter("24")).get("/api/submissions/{id}/history", body)
                .then().statusCode(200).body("action", contains("DRAFT_CREATED"))
                .body("importId", contains(importId));
        given().auth().oauth2(Tokens.monitor()).get("/api/imports/{id}", importId)
                .then().statusCode(200).body("regionCode", equalTo("24"));
    }

    private static io.restassured.response.ValidatableResponse validate(String token, String campaign, String unit,
            Object answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "unitId", unit, "answers", answers))
                .post("/api/submissions/validate").then();
    }

    private static JsonNode read(String value) {
        try {
            return Fixtures.JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
