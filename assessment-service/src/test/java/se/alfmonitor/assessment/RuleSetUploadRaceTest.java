package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.alfmonitor.assessment.rules.RuleSetLifecycle;
import se.alfmonitor.testing.HeldLocks;
import se.alfmonitor.testing.Tokens;

/**
 * Two uploads of one new rule-set version at the same moment: the first is held at the version's lock (by
 * {@link HeldLocks}) before it reads the stored draft, the second is sent and seen waiting for that lock, then the
 * first goes on. Both are stored one after the other: revisions 1 and 2, the second replacing the first, and neither
 * fails on the other's row.
 */
@QuarkusTest
class RuleSetUploadRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoFirstUploadsOfOneVersionAreStoredOneAfterTheOther() throws Exception {
        String version = RuleSetDocuments.version("race");
        HeldLocks.Hold hold = HeldLocks.holdNext(RuleSetLifecycle.key(version));
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> put(version));
        hold.awaitReached();
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> put(version));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> waitingForLocks() >= 1);
        hold.release();
        Response a = first.get(60, TimeUnit.SECONDS);
        Response b = second.get(60, TimeUnit.SECONDS);

        assertThat(List.of(a.statusCode(), b.statusCode())).containsExactly(201, 200);
        assertThat(List.of(a.jsonPath().getInt("revision"), b.jsonPath().getInt("revision"))).containsExactly(1, 2);
        given().auth().oauth2(Tokens.viewer()).get("/api/rule-sets").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.status", equalTo("DRAFT"));
        given().auth().oauth2(Tokens.admin()).delete("/api/rule-sets/" + version).then().statusCode(204);
    }

    private static Response put(String version) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(RuleSetDocuments.text(RuleSetDocuments.shipped(version))).put("/api/rule-sets/" + version);
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
}
