package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import se.alfmonitor.survey.persistence.SubmissionLock;
import se.alfmonitor.survey.units.UnitService;
import se.alfmonitor.testing.HeldLocks;
import se.alfmonitor.testing.Tokens;

/**
 * Writes that race on one unit's submission: a return and an amendment, two identical imports, two new submissions
 * for one unit. Each race holds the first request where it holds the unit's lock (before it reads the submission,
 * {@link HeldLocks}), sends the second, waits until the second is parked behind the first (waiting for a
 * database lock, or, where nothing serialises them, arrived at the same point) and only then lets both go on.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final String COMMENT = "Exemplet i 30a beskriver inte hur resultaten hanterats.";
    private static final Pattern IMPORT_ID = Pattern.compile("/api/imports/([0-9a-f-]{36})");

    @Inject
    DataSource database;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aReturnIsAWriteThatAnAmendmentBasedOnTheStateBeforeItCannotOverwrite() {
        String unit = Api.unit("01");
        UUID id = Api.submitted("01", unit);
        String submitted = current(id).extract().path("etag");
        String returned = returnIt(id).statusCode(200).body("status", equalTo("RETURNED"))
                .header("ETag", not(equalTo(quoted(submitted)))).extract().path("etag");
        assertThat(returned).isNotEqualTo(submitted);

        // based on the state before the return: revision 1 in the body, as If-Match, and that state's ETag
        amend(id, Map.of("answers", changed(), "expectedRevision", 1), null).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("REVISION_CONFLICT"))
                .body("detail", containsString(quoted(returned)));
        amend(id, Map.of("answers", changed()), "\"1\"").statusCode(409).body("code", equalTo("REVISION_CONFLICT"));
        amend(id, Map.of("answers", changed()), quoted(submitted)).statusCode(409)
                .body("code", equalTo("REVISION_CONFLICT"));
        // none of them changed anything: still returned, with the assessor's comment
        current(id).body("status", equalTo("RETURNED")).body("revision", equalTo(1))
                .body("returnComment", equalTo(COMMENT)).body("etag", equalTo(returned))
                .header("ETag", equalTo(quoted(returned)));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}/revisions", id)
                .then().statusCode(200).body("revision", contains(1));

        // knowingly, with the ETag of the returned state: the new revision; the comment stays in the history
        amend(id, Map.of("answers", changed()), quoted(returned)).statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("revision", equalTo(2))
                .body("returnComment", nullValue()).header("ETag", not(equalTo(quoted(returned))));
        given().auth().oauth2(Tokens.assessor()).get("/api/submissions/{id}/history", id)
                .then().statusCode(200)
                .body("action", contains("DRAFT_CREATED", "SUBMITTED", "RETURNED", "AMENDED"))
                .body("revision", contains(0, 1, 1, 2))
                .body("[2].comment", equalTo(COMMENT));
    }

    @Test
    void aReturnAndAnAmendmentAtTheSameMomentTakeTurnsAndTheReturnIsNeverLost() throws Exception {
        // the return holds the unit first: the amendment of revision 1 as submitted comes after it and is refused
        String unit = Api.unit("01");
        UUID id = Api.submitted("01", unit);
        ExtractableResponse<Response> returned;
        ExtractableResponse<Response> amended;
        try (HeldLocks.Hold hold = HeldLocks.hold(SubmissionLock.key(Api.ALF, unit))) {
            Future<ExtractableResponse<Response>> returning = send(() -> returnIt(id).extract());
            hold.awaitReached();
            Future<ExtractableResponse<Response>> amending = send(
                    () -> amend(id, Map.of("answers", changed(), "expectedRevision", 1), null).extract());
            awaitSecondParked(hold);
            hold.release();
            returned = returning.get(60, TimeUnit.SECONDS);
            amended = amending.get(60, TimeUnit.SECONDS);
        }
        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(amended.statusCode()).as(amended.asString()).isEqualTo(409);
        assertThat(amended.<String> path("code")).isEqualTo("REVISION_CONFLICT");
        current(id).body("status", equalTo("RETURNED")).body("revision", equalTo(1))
                .body("returnComment", equalTo(COMMENT));
        history(id).body("action", contains("DRAFT_CREATED", "SUBMITTED", "RETURNED"));

        // the amendment (with the ETag it read) holds the unit first: the return comes after it, of revision 2
        String other = Api.unit("01");
        UUID otherId = Api.submitted("01", other);
        String etag = current(otherId).extract().path("etag");
        try (HeldLocks.Hold hold = HeldLocks.hold(SubmissionLock.key(Api.ALF, other))) {
            Future<ExtractableResponse<Response>> amending = send(
                    () -> amend(otherId, Map.of("answers", changed()), quoted(etag)).extract());
            hold.awaitReached();
            Future<ExtractableResponse<Response>> returning = send(() -> returnIt(otherId).extract());
            awaitSecondParked(hold);
            hold.release();
            amended = amending.get(60, TimeUnit.SECONDS);
            returned = returning.get(60, TimeUnit.SECONDS);
        }
        assertThat(amended.statusCode()).as(amended.asString()).isEqualTo(201);
        assertThat(returned.statusCode()).as(returned.asString()).isEqualTo(200);
        assertThat(returned.<Integer> path("revision")).isEqualTo(2);
        current(otherId).body("status", equalTo("RETURNED")).body("revision", equalTo(2))
                .body("returnComment", equalTo(COMMENT));
        history(otherId).body("action", contains("DRAFT_CREATED", "SUBMITTED", "AMENDED", "RETURNED"))
                .body("revision", contains(0, 1, 2, 2));
    }

    @Test
    void theSameImportTwiceAtOnceStoresEveryRowOnceAndReportsItIgnoredNotRejected() throws Exception {
        String campaign = Api.campaign("alf-usve", "OPEN");
        List<String> units = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String unit = Api.unit("01");
            units.add(unit);
            rows.add(Map.of("submissionId", UUID.randomUUID().toString(), "campaignId", campaign, "unitId", unit,
                    "answers", Fixtures.completeAlfUsve(), "submit", true));
        }
        ExtractableResponse<Response> first;
        ExtractableResponse<Response> second;
        try (HeldLocks.Hold hold = HeldLocks.hold(SubmissionLock.key(campaign, units.get(0)))) {
            Future<ExtractableResponse<Response>> one = send(() -> importRows(rows).extract());
            hold.awaitReached();
            Future<ExtractableResponse<Response>> two = send(() -> importRows(rows).extract());
            awaitSecondParked(hold);
            hold.release();
            first = one.get(120, TimeUnit.SECONDS);
            second = two.get(120, TimeUnit.SECONDS);
        }
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
        // each row is stored by one import and recognised as identical by the other; none is rejected
        assertThat(List.of(first.<Integer> path("rejected"), second.<Integer> path("rejected")))
                .as("rejected rows: %s / %s", first.path("conflicts"), second.path("conflicts"))
                .containsExactly(0, 0);
        assertThat(first.<Integer> path("imported") + second.<Integer> path("imported")).isEqualTo(20);
        assertThat(first.<Integer> path("ignored") + second.<Integer> path("ignored")).isEqualTo(20);
        assertThat(List.of(first.<Integer> path("updated"), second.<Integer> path("updated"))).containsExactly(0, 0);

        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?campaignId={c}&size=50", campaign)
                .then().statusCode(200).body("total", equalTo(20))
                .body("items.status", everyItem(equalTo("SUBMITTED"))).body("items.revision", everyItem(equalTo(1)));
        for (Map<String, Object> row : rows) {
            history(UUID.fromString((String) row.get("submissionId")))
                    .body("action", contains("DRAFT_CREATED", "SUBMITTED"));
        }
    }

    @Test
    void aFailureOfTheServiceFailsTheImportInsteadOfRejectingARowInA200() {
        String campaign = Api.campaign("alf-usve", "OPEN");
        List<String> units = List.of(Api.unit("01"), Api.unit("01"), Api.unit("01"));
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Map.of("submissionId", ids.get(i).toString(), "campaignId", campaign, "unitId", units.get(i),
                    "answers", Fixtures.completeAlfUsve(), "submit", true));
        }
        String detail;
        try (HeldLocks.Hold failing = HeldLocks.fail(SubmissionLock.key(campaign, units.get(1)))) {
            detail = importRows(rows).statusCode(500).contentType("application/problem+json")
                    .body("code", equalTo("INTERNAL_ERROR")).body("detail", containsString("Row 1"))
                    .extract().path("detail");
        }
        Matcher importId = IMPORT_ID.matcher(detail);
        assertThat(importId.find()).as(detail).isTrue();
        // the row before the failure is stored and audited; the rows from it on were not tried
        given().auth().oauth2(Tokens.reporter("01")).get("/api/imports/{id}", importId.group(1))
                .then().statusCode(200).body("summary.imported", equalTo(1)).body("summary.rejected", equalTo(0));
        current(ids.get(0)).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", ids.get(1)).then().statusCode(404);
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", ids.get(2)).then().statusCode(404);
        // sent again: what was stored is ignored, the rest imported
        importRows(rows).statusCode(200).body("imported", equalTo(2)).body("ignored", equalTo(1))
                .body("rejected", equalTo(0));
    }

    @Test
    void twoNewSubmissionsForOneUnitAtOnceLeaveOneAndTellTheOtherWhichOneExists() throws Exception {
        String unit = Api.unit("01");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ExtractableResponse<Response> one;
        ExtractableResponse<Response> two;
        try (HeldLocks.Hold hold = HeldLocks.hold(SubmissionLock.key(Api.ALF, unit))) {
            Future<ExtractableResponse<Response>> creating = send(() -> Api.putDraft(Tokens.reporter("01"), first,
                    Api.ALF, unit, Map.of("3", "WHOLE_PERIOD")).extract());
            hold.awaitReached();
            Future<ExtractableResponse<Response>> competing = send(() -> Api.putDraft(Tokens.reporter("01"), second,
                    Api.ALF, unit, Map.of("3", "PART_OF_PERIOD")).extract());
            awaitSecondParked(hold);
            hold.release();
            one = creating.get(60, TimeUnit.SECONDS);
            two = competing.get(60, TimeUnit.SECONDS);
        }
        assertThat(List.of(one.statusCode(), two.statusCode())).containsExactlyInAnyOrder(201, 409);
        ExtractableResponse<Response> winner = one.statusCode() == 201 ? one : two;
        ExtractableResponse<Response> loser = winner == one ? two : one;
        assertThat(loser.<String> path("code")).as(loser.asString()).isEqualTo("SUBMISSION_EXISTS");
        // told which submission to write to instead
        assertThat(loser.<String> path("detail")).contains(winner.<String> path("id"));
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions?campaignId={c}&unitId={u}", Api.ALF, unit)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(winner.path("id")));
    }

    @Test
    void twoFirstRegistrationsOfOneUnitAtOnceMakeOneUnitAndBothAreInItsHistory() throws Exception {
        String unit = "01-RACE-" + Api.suffix();
        ExtractableResponse<Response> one;
        ExtractableResponse<Response> two;
        try (HeldLocks.Hold hold = HeldLocks.hold(UnitService.lockKey(unit))) {
            Future<ExtractableResponse<Response>> creating = send(() -> registerUnit(unit, "Första namnet"));
            hold.awaitReached();
            Future<ExtractableResponse<Response>> competing = send(() -> registerUnit(unit, "Andra namnet"));
            awaitSecondParked(hold);
            hold.release();
            one = creating.get(60, TimeUnit.SECONDS);
            two = competing.get(60, TimeUnit.SECONDS);
        }
        // without the unit's lock both would find no unit and the second insert would fail on the primary key
        assertThat(List.of(one.statusCode(), two.statusCode())).as(one.asString() + two.asString())
                .containsExactly(201, 200);
        given().auth().oauth2(Tokens.reporter("01")).get("/api/units/{id}/history", unit).then().statusCode(200)
                .body("action", contains("CREATED", "UPDATED"))
                .body("[1].changes[0].before", equalTo("Första namnet"))
                .body("[1].changes[0].after", equalTo("Andra namnet"));
        given().auth().oauth2(Tokens.admin()).queryParam("regionCode", "01").get("/api/units").then().statusCode(200)
                .body("findAll { it.id == '" + unit + "' }.name", contains("Andra namnet"));
    }

    private static ExtractableResponse<Response> registerUnit(String id, String name) {
        return given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", "01", "directPatientContact", true))
                .put("/api/units/{id}", id).then().extract();
    }

    /**
     * Until the second request is parked behind the held first one: waiting for a database lock (the unit's, held
     * by the first), or, where nothing makes it wait, arrived at the same point as the first. Polls the condition.
     */
    private void awaitSecondParked(HeldLocks.Hold hold) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int waiting;
        while ((waiting = backendsWaitingForALock()) == 0 && hold.arrivals() < 2) {
            assertThat(System.nanoTime()).as("the second request is parked within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        System.out.printf("Second request parked: %s%n", waiting > 0 ? "waiting for a database lock"
                : "at the held point beside the first, nothing made it wait");
    }

    private int backendsWaitingForALock() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }

    private <T> Future<T> send(Callable<T> request) {
        return pool.submit(request);
    }

    private static ObjectNode changed() {
        return Fixtures.completeAlfUsve().put("experiencedSupervisors", 12);
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    private static ValidatableResponse current(UUID id) {
        return given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id).then().statusCode(200);
    }

    private static ValidatableResponse history(UUID id) {
        return given().auth().oauth2(Tokens.assessor()).get("/api/submissions/{id}/history", id)
                .then().statusCode(200);
    }

    private static ValidatableResponse returnIt(UUID id) {
        return given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of("comment", COMMENT))
                .post("/api/submissions/{id}/return", id).then();
    }

    private static ValidatableResponse amend(UUID id, Map<String, Object> body, String ifMatch) {
        var request = given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/submissions/{id}/amendments", id).then();
    }

    private static ValidatableResponse importRows(List<Map<String, Object>> rows) {
        return given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(rows)
                .post("/api/imports").then();
    }
}
