package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class SubmissionLifecycleTest {

    @Test
    void draftSubmitAmendReturnAndResubmitKeepEveryRevisionAndTheHistory() throws Exception {
        String reporter = Tokens.reporter("01");
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();

        // a partial draft is fine; the same draft again changes nothing
        Api.putDraft(reporter, id, Api.ALF, unit, Map.of("3", "WHOLE_PERIOD", "4a", "JA"))
                .statusCode(201).body("status", equalTo("DRAFT")).body("revision", equalTo(0));
        Api.putDraft(reporter, id, Api.ALF, unit, Map.of("4a", "JA", "3", "WHOLE_PERIOD")).statusCode(200);
        // submitting an incomplete draft lists every missing item and changes nothing
        Api.submit(reporter, id).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.code", hasItem("REQUIRED_MISSING"))
                .body("errors.pointer", hasItems("/answers/6a", "/answers/13b.1", "/answers/staffComposition"));

        ObjectNode complete = Fixtures.completeAlfUsve();
        Api.putDraft(reporter, id, Api.ALF, unit, complete).statusCode(200);
        Api.submit(reporter, id).statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("revision", equalTo(1))
                .body("submittedBy", equalTo("service-account-region-01"));
        Api.submit(reporter, id).statusCode(200).body("revision", equalTo(1));
        // a submitted submission is changed by amendments only
        Api.putDraft(reporter, id, Api.ALF, unit, complete).statusCode(409)
                .body("code", equalTo("SUBMISSION_NOT_DRAFT"));

        ObjectNode amended = Fixtures.completeAlfUsve();
        amended.put("3", "PART_OF_PERIOD").put("explanation3", "FoUU-chefen slutade 2019.");
        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body(Map.of("answers", amended, "expectedRevision", 1))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(201).body("revision", equalTo(2)).body("answers.3", equalTo("PART_OF_PERIOD"));
        // the same amendment again is a no-op
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(Map.of("answers", amended))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(200).body("revision", equalTo(2));
        // an amendment based on an old revision is refused, in the body or as If-Match
        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body(Map.of("answers", complete, "expectedRevision", 1))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("REVISION_CONFLICT"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("answers", complete))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(409).body("code", equalTo("REVISION_CONFLICT"));
        // an invalid amendment stores nothing
        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body(Map.of("answers", Fixtures.completeAlfUsve().put("3", "MAYBE")))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(422).body("errors[0].code", equalTo("INVALID_OPTION"))
                .body("errors[0].pointer", equalTo("/answers/3"));

        // earlier revisions stay readable
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions/{id}/revisions/{n}", id, 1)
                .then().statusCode(200).body("answers.3", equalTo("WHOLE_PERIOD"))
                .body("submittedBy", equalTo("service-account-region-01"));
        given().auth().oauth2(reporter).get("/api/submissions/{id}/revisions", id)
                .then().statusCode(200).body("revision", contains(1, 2));
        given().auth().oauth2(reporter).get("/api/submissions/{id}/revisions/{n}", id, 7)
                .then().statusCode(404).body("code", equalTo("REVISION_NOT_FOUND"));

        // the assessor returns it; the reporter corrects the draft and submits revision 3
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post("/api/submissions/{id}/return", id).then().statusCode(403);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/submissions/{id}/return", id).then().statusCode(400);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("comment", "Exemplet i 30a saknar åtgärd."))
                .post("/api/submissions/{id}/return", id)
                .then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("returnComment", equalTo("Exemplet i 30a saknar åtgärd."));
        ObjectNode corrected = amended.deepCopy();
        corrected.put("30a", "Efter kursutvärderingen infördes fasta handledare och schemalagd återkoppling.");
        Api.putDraft(reporter, id, Api.ALF, unit, corrected).statusCode(200).body("status", equalTo("RETURNED"));
        Api.submit(reporter, id).statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(3))
                .body("returnComment", nullValue());

        // every transition with actor, time and the answers it changed
        given().auth().oauth2(Tokens.assessor()).get("/api/submissions/{id}/history", id)
                .then().statusCode(200)
                .body("action", contains("DRAFT_CREATED", "DRAFT_SAVED", "SUBMITTED", "AMENDED", "RETURNED",
                        "DRAFT_SAVED", "SUBMITTED"))
                .body("revision", contains(0, 0, 1, 2, 2, 2, 3))
                .body("actor", contains("service-account-region-01", "service-account-region-01",
                        "service-account-region-01", "service-account-region-01", "assessor",
                        "service-account-region-01", "service-account-region-01"))
                .body("[0].changes.item", containsInAnyOrder("3", "4a"))
                .body("[3].changes.find { it.item == '3' }.before", equalTo("WHOLE_PERIOD"))
                .body("[3].changes.find { it.item == '3' }.after", equalTo("PART_OF_PERIOD"))
                .body("[3].changes.find { it.item == 'explanation3' }.after", equalTo("FoUU-chefen slutade 2019."))
                .body("[4].comment", equalTo("Exemplet i 30a saknar åtgärd."))
                .body("[6].changes.item", contains("30a"));

        // every revision was published once, in order, keyed by the unit
        try (TopicProbe probe = TopicProbe.from("alf.submissions.v1")) {
            List<ConsumerRecord<String, String>> records = probe.await(
                    r -> r.value().contains(id.toString()), 3, Duration.ofSeconds(30));
            assertThat(records).hasSize(3);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(unit);
            List<Integer> revisions = records.stream().map(r -> read(r.value()).at("/data/revision").asInt())
                    .toList();
            assertThat(revisions).containsExactly(1, 2, 3);
            JsonNode second = read(records.get(1).value());
            assertThat(second.at("/data/answers/3").asText()).isEqualTo("PART_OF_PERIOD");
            assertThat(second.at("/data/unit/directPatientContact").asBoolean()).isTrue();
            assertThat(second.at("/data/unit/designatedYear").asInt()).isEqualTo(2016);
        }
    }

    @Test
    void concurrentAmendmentsOfTheSameRevisionAreDetectedNotLost() throws Exception {
        String unit = Api.unit("01");
        UUID id = Api.submitted("01", unit);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ObjectNode answers = Fixtures.completeAlfUsve().put("experiencedSupervisors", 10 + i);
                results.add(pool.submit(() -> given().auth().oauth2(Tokens.reporter("01"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("answers", answers, "expectedRevision", 1))
                        .post("/api/submissions/{id}/amendments", id)
                        .then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            // exactly one amendment of revision 1 wins; the others are told, none is silently overwritten
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}/revisions", id)
                .then().statusCode(200).body("revision", contains(1, 2));
    }

    @Test
    void aUnitHasOneSubmissionPerCampaignAndIdsCannotBeReused() {
        String unit = Api.unit("01");
        UUID first = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("01"), first, Api.ALF, unit, Map.of()).statusCode(201);
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), Api.ALF, unit, Map.of())
                .statusCode(409).body("code", equalTo("SUBMISSION_EXISTS"));
        Api.putDraft(Tokens.reporter("01"), first, Api.ALF, Api.unit("01"), Map.of())
                .statusCode(409).body("code", equalTo("SUBMISSION_ID_CONFLICT"));
        given().auth().oauth2(Tokens.reporter("01")).post("/api/submissions/{id}/submit", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("SUBMISSION_NOT_FOUND"));
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("answers", Fixtures.completeAlfUsve()))
                .post("/api/submissions/{id}/amendments", first)
                .then().statusCode(409).body("code", equalTo("SUBMISSION_NOT_SUBMITTED"));
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post("/api/submissions/{id}/return", first)
                .then().statusCode(409).body("code", equalTo("SUBMISSION_NOT_SUBMITTED"));
    }

    @Test
    void aRegionAnswersTheRegionLevelQuestionnaireAsItsPseudoUnit() throws Exception {
        String campaign = Api.campaign("regional-research", "OPEN");
        UUID id = UUID.randomUUID();
        Api.putDraft(Tokens.reporter("01"), id, campaign, "REGION-01", Fixtures.completeRegionalResearch())
                .statusCode(201).body("regionCode", equalTo("01"));
        Api.submit(Tokens.reporter("01"), id).statusCode(200).body("revision", equalTo(1));
        // another region's pseudo unit, a unit on a region-level campaign, a region on a unit-level one
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, "REGION-03", Map.of())
                .statusCode(403).body("code", equalTo("OTHER_REGION"));
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, Api.unit("01"), Map.of())
                .statusCode(422).body("errors.code", contains("WRONG_QUESTIONNAIRE_LEVEL"));
        Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), Api.ALF, "REGION-01", Map.of())
                .statusCode(422).body("errors.code", contains("WRONG_QUESTIONNAIRE_LEVEL"));
        Api.putDraft(Tokens.admin(), UUID.randomUUID(), campaign, "REGION-99", Map.of())
                .statusCode(422).body("errors.code", contains("UNKNOWN_UNIT"));
        // pseudo unit ids cannot be registered as units
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "regionCode", "01", "directPatientContact", true))
                .put("/api/units/{id}", "REGION-01")
                .then().statusCode(422).body("errors.code", contains("RESERVED_UNIT_ID"));

        try (TopicProbe probe = TopicProbe.from("alf.submissions.v1")) {
            List<ConsumerRecord<String, String>> records = probe.await(
                    r -> r.value().contains(id.toString()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("REGION-01");
            JsonNode event = read(records.get(0).value());
            assertThat(event.at("/data/questionnaire/key").asText()).isEqualTo("regional-research");
            assertThat(event.at("/data/unit/regionCode").asText()).isEqualTo("01");
        }
    }

    @Test
    void listsArePagedFilteredAndScopedToTheReportersRegion() {
        String campaign = Api.campaign("alf-usve", "OPEN");
        for (int i = 0; i < 3; i++) {
            Api.putDraft(Tokens.reporter("01"), UUID.randomUUID(), campaign, Api.unit("01"), Map.of())
                    .statusCode(201);
        }
        Api.putDraft(Tokens.reporter("03"), UUID.randomUUID(), campaign, Api.unit("03"), Map.of()).statusCode(201);

        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?campaignId={c}&size=2&page=0", campaign)
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(2))
                .body("page", equalTo(0)).body("size", equalTo(2));
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?campaignId={c}&size=2&page=1", campaign)
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions?campaignId={c}", campaign)
                .then().statusCode(200).body("total", equalTo(3)).body("items.regionCode", everyItem(equalTo("01")));
        given().auth().oauth2(Tokens.assessor())
                .get("/api/submissions?campaignId={c}&regionCode=03&status=DRAFT", campaign)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions?regionCode=03")
                .then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().auth().oauth2(Tokens.viewer()).get("/api/submissions").then().statusCode(403);
        given().get("/api/submissions").then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?size=0").then().statusCode(400);
    }

    private static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
