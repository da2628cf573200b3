package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.alfmonitor.assessment.assessment.UnitLock;
import se.alfmonitor.testing.HeldLocks;
import se.alfmonitor.testing.Tokens;

/**
 * Two writers of one unit at the same moment: the first is held by {@link HeldLocks} at the point where it holds
 * the unit's lock, the second is sent and seen waiting for a lock in PostgreSQL, then the first is let go. Each race
 * must end as if the two had come one after the other: the latest assessment has both effects.
 */
@QuarkusTest
class ConcurrentWorkTest {

    private static final int OVERRIDDEN_LEVEL = 5;

    @Inject
    DataSource dataSource;

    @Test
    void twoDecisionsOnTheTwoExamplesOfOneUnitAreBothApplied() throws Exception {
        String unitId = submitAllMet("12");
        String review18 = reviewId(unitId, 18);
        String review23 = reviewId(unitId, 23);

        Race race = race(unitId, () -> decide(review18, "APPROVED"), () -> decide(review23, "REJECTED"));
        Response approved = race.first();
        Response rejected = race.second();
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(approved.jsonPath().getInt("assessmentVersion")).isEqualTo(2);
        assertThat(rejected.jsonPath().getInt("assessmentVersion")).isEqualTo(3);

        JsonPath latest = latest(unitId);
        assertThat(latest.getInt("[0].version")).isEqualTo(3);
        assertThat(outcome(latest, 18)).isEqualTo("MET");
        assertThat(outcome(latest, 23)).isEqualTo("NOT_MET");
        assertThat(latest.getInt("[0].pendingReviews")).isZero();
        assertConsistent(unitId);
    }

    @Test
    void anOverrideAndADecisionAtTheSameMomentAreBothApplied() throws Exception {
        String unitId = submitAllMet("14");
        String review18 = reviewId(unitId, 18);

        Race race = race(unitId, () -> override(unitId, "NOT_MET"), () -> decide(review18, "APPROVED"));
        assertThat(race.first().statusCode()).isEqualTo(201);
        Response decided = race.second();
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.jsonPath().getInt("assessmentVersion")).isEqualTo(3);

        JsonPath latest = latest(unitId);
        assertThat(latest.getInt("[0].version")).isEqualTo(3);
        assertThat(outcome(latest, 18)).isEqualTo("MET");
        assertThat(outcome(latest, OVERRIDDEN_LEVEL)).isEqualTo("NOT_MET");
        assertConsistent(unitId);
    }

    @Test
    void anOverrideWhileADecisionCommitsFindsTheUnitsAssessment() throws Exception {
        String unitId = submitAllMet("21");
        String review23 = reviewId(unitId, 23);

        Race race = race(unitId, () -> decide(review23, "APPROVED"), () -> override(unitId, "NOT_MET"));
        assertThat(race.first().statusCode()).isEqualTo(200);
        Response created = race.second();
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getInt("assessmentVersion")).isEqualTo(3);

        JsonPath latest = latest(unitId);
        assertThat(outcome(latest, 23)).isEqualTo("MET");
        assertThat(outcome(latest, OVERRIDDEN_LEVEL)).isEqualTo("NOT_MET");
        assertConsistent(unitId);
    }

    @Test
    void aWithdrawalAndANewRevisionAtTheSameMomentEndOnTheNewRevisionWithoutTheOverride() throws Exception {
        String unitId = Submissions.unitId("18");
        UUID submissionId = UUID.randomUUID();
        Submissions.send(Submissions.event(unitId, "18", Submissions.CAMPAIGN, submissionId, 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        String overrideId = override(unitId, "NOT_MET").then().statusCode(201).extract().path("override.id");
        Submissions.awaitAssessment(unitId, 1, 2);

        ObjectNode amended = AlfUsveAnswers.allMet();
        amended.put("35a", "Vi mätte väntetider och kortade dem med en ny rutin för återbesök.");
        Race race = race(unitId, () -> given().auth().oauth2(Tokens.assessor())
                .contentType(ContentType.JSON).body(Map.of("reason", "Fel enhet besöktes"))
                .post("/api/overrides/" + overrideId + "/withdrawal"), () -> {
                    // the new revision arrives through the broker, as survey-service sends it
                    Submissions.send(Submissions.event(unitId, "18", Submissions.CAMPAIGN, submissionId, 2,
                            amended, true));
                    return null;
                });
        assertThat(race.first().statusCode()).isEqualTo(200);
        JsonPath latest = Submissions.awaitAssessment(unitId, 2, 4);
        assertThat(latest.getInt("[0].version")).isEqualTo(4);
        assertThat(Submissions.level(latest, OVERRIDDEN_LEVEL).path("explanation").has("override")).isFalse();
        assertThat(outcome(latest, OVERRIDDEN_LEVEL)).isEqualTo("MET");
        assertConsistent(unitId);
    }

    @Test
    void twoDecisionsOnOneExampleAtTheSameMomentDecideItOnce() throws Exception {
        String unitId = submitAllMet("22");
        String review18 = reviewId(unitId, 18);

        Race race = race(unitId, () -> decide(review18, "APPROVED"), () -> decide(review18, "REJECTED"));
        assertThat(race.first().statusCode()).isEqualTo(200);
        Response late = race.second();
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.jsonPath().getString("code")).isEqualTo("REVIEW_ALREADY_DECIDED");
        given().auth().oauth2(Tokens.admin()).get("/api/reviews/" + review18 + "/audit").then().statusCode(200)
                .body("action.findAll { it == 'DECIDED' }.size()", org.hamcrest.Matchers.equalTo(1));
        assertThat(outcome(latest(unitId), 18)).isEqualTo("MET");
    }

    /** The answers of the two requests of a race. */
    private record Race(Response first, Response second) {
    }

    /**
     * Sends {@code first}, holds it once it holds the unit's lock, sends {@code second}, waits until that waits for
     * a lock, lets the first go on, and returns both answers.
     */
    private Race race(String unitId, Supplier<Response> first, Supplier<Response> second) throws Exception {
        HeldLocks.Hold hold = HeldLocks.holdNext(UnitLock.key(unitId, Submissions.CAMPAIGN));
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(first);
        hold.awaitReached();
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(second);
        awaitOneWaitingForALock();
        hold.release();
        return new Race(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    }

    /** Until one backend of the test database waits for a lock: the second request has reached the unit's lock. */
    private void awaitOneWaitingForALock() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> waitingForLocks() >= 1);
    }

    private long waitingForLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertConsistent(String unitId) {
        given().auth().oauth2(Tokens.admin()).get("/api/admin/consistency").then().statusCode(200)
                .body("units.findAll { it.unitId == '" + unitId + "' }", org.hamcrest.Matchers.empty());
    }

    static Response decide(String reviewId, String decision) {
        return given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", "Bedömt samtidigt som en annan ändring"))
                .post("/api/reviews/" + reviewId + "/decision");
    }

    static Response override(String unitId, String outcome) {
        return given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(Map.of("unitId", unitId, "campaignId", Submissions.CAMPAIGN, "level", OVERRIDDEN_LEVEL,
                        "outcome", outcome, "reason", "Platsbesöket visade annat än enkäten", "visitedOn",
                        "2023-05-12"))
                .post("/api/overrides");
    }

    static String submitAllMet(String regionCode) {
        String unitId = Submissions.unitId(regionCode);
        Submissions.send(Submissions.event(unitId, regionCode, Submissions.CAMPAIGN, UUID.randomUUID(), 1,
                AlfUsveAnswers.allMet(), true));
        Submissions.awaitAssessment(unitId, 1, 1);
        return unitId;
    }

    static String reviewId(String unitId, int level) {
        return given().auth().oauth2(Tokens.assessor()).queryParam("status", "PENDING").queryParam("unitId", unitId)
                .get("/api/reviews").then().statusCode(200).extract().jsonPath()
                .getString("find { it.level == " + level + " }.id");
    }

    static JsonPath latest(String unitId) {
        return given().auth().oauth2(Tokens.assessor()).queryParam("unitId", unitId).get("/api/assessments").then()
                .statusCode(200).extract().jsonPath();
    }

    static String outcome(JsonPath assessment, int level) {
        return Submissions.level(assessment, level).path("outcome").asText();
    }
}
