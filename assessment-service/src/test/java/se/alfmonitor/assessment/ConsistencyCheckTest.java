package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import se.alfmonitor.testing.Tokens;

/**
 * The invariant the service checks itself: units whose latest assessment lost a revision, a decision or an override
 * (made here by changing the rows behind the service's back, as a lost write would leave them) are found with the
 * reason, counted by {@code alf_assessment_inconsistent_units}, and repaired.
 */
@QuarkusTest
class ConsistencyCheckTest {

    private static final Pattern GAUGE = Pattern.compile("(?m)^alf_assessment_inconsistent_units\\S* (\\S+)$");

    @Inject
    DataSource dataSource;

    @Test
    void lostRevisionsDecisionsAndOverridesAreFoundCountedAndRepaired() throws SQLException {
        String behind = ConcurrentWorkTest.submitAllMet("01");
        String decided = ConcurrentWorkTest.submitAllMet("01");
        String withdrawn = ConcurrentWorkTest.submitAllMet("03");
        String overridden = ConcurrentWorkTest.submitAllMet("03");
        ConcurrentWorkTest.override(withdrawn, "NOT_MET").then().statusCode(201);
        Submissions.awaitAssessment(withdrawn, 1, 2);

        // a received revision 2 that was never assessed
        sql("""
                update submission_received
                set revision = 2, submission = cast(jsonb_set(jsonb_set(cast(submission as jsonb), '{revision}', '2'),
                    '{answers,30a}', '"Handledarna fick utbildning och fasta tider för studenterna."') as json)
                where unit_id = ?""", behind);
        // a decision recorded but not applied
        sql("update review_item set status = 'APPROVED', comment = 'Bra', decided_by = 'assessor', decided_at = now()"
                + " where unit_id = ? and level = 18", decided);
        // an override withdrawn but still applied
        sql("update site_visit_override set withdrawn_at = now(), withdrawn_by = 'assessor', withdrawal_reason = 'x'"
                + " where unit_id = ?", withdrawn);
        // an override in force but not applied
        sql("""
                insert into site_visit_override (id, unit_id, region_code, campaign_id, level, outcome, reason,
                    decided_by, decided_at)
                values (gen_random_uuid(), ?, '03', 'alf-2018-2021', 7, 'NOT_MET', 'Platsbesök', 'assessor', now())""",
                overridden);

        JsonPath report = given().auth().oauth2(Tokens.monitor()).get("/api/admin/consistency").then()
                .statusCode(200).extract().jsonPath();
        assertThat(findings(report, behind)).containsExactly("BEHIND_SUBMISSION:null");
        assertThat(findings(report, decided)).containsExactly("REVIEW_NOT_APPLIED:18");
        assertThat(findings(report, withdrawn)).containsExactly("WITHDRAWN_OVERRIDE_APPLIED:5");
        assertThat(findings(report, overridden)).containsExactly("OVERRIDE_NOT_APPLIED:7");
        assertThat(gauge()).isEqualTo(report.getInt("inconsistentUnits"));
        assertThat(report.getInt("inconsistentUnits")).isGreaterThanOrEqualTo(4);

        JsonPath repair = given().auth().oauth2(Tokens.admin()).post("/api/admin/consistency/repair").then()
                .statusCode(200).extract().jsonPath();
        assertThat(repair.getInt("repaired")).isGreaterThanOrEqualTo(4);
        for (String unit : List.of(behind, decided, withdrawn, overridden)) {
            ConcurrentWorkTest.assertConsistent(unit);
        }
        assertThat(gauge()).isEqualTo(repair.getInt("after.inconsistentUnits"));

        JsonPath behindNow = ConcurrentWorkTest.latest(behind);
        assertThat(behindNow.getInt("[0].submissionRevision")).isEqualTo(2);
        assertThat(ConcurrentWorkTest.outcome(ConcurrentWorkTest.latest(decided), 18)).isEqualTo("MET");
        assertThat(Submissions.level(ConcurrentWorkTest.latest(withdrawn), 5).path("explanation").has("override"))
                .isFalse();
        assertThat(ConcurrentWorkTest.outcome(ConcurrentWorkTest.latest(overridden), 7)).isEqualTo("NOT_MET");
    }

    @Test
    void onlyMonitorsAndAdminsReadTheCheckAndOnlyAdminsRepair() {
        given().get("/api/admin/consistency").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).get("/api/admin/consistency").then().statusCode(403);
        given().auth().oauth2(Tokens.reporter("01")).get("/api/admin/consistency").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor()).get("/api/admin/consistency").then().statusCode(403);
        given().post("/api/admin/consistency/repair").then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).post("/api/admin/consistency/repair").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/consistency/repair").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/admin/consistency").then().statusCode(200)
                .body("units.findAll { it.unitId == 'no-such-unit' }", empty());
    }

    private static List<String> findings(JsonPath report, String unitId) {
        List<String> found = report.getList("units.find { it.unitId == '" + unitId + "' }.findings"
                + ".collect { it.reason + ':' + it.level }", String.class);
        return found == null ? List.of() : found;
    }

    private static int gauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = GAUGE.matcher(metrics);
        assertThat(m.find()).as("the gauge is exported").isTrue();
        return (int) Double.parseDouble(m.group(1));
    }

    private void sql(String statement, String unitId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, unitId);
            assertThat(update.executeUpdate()).isGreaterThanOrEqualTo(1);
        }
    }
}
