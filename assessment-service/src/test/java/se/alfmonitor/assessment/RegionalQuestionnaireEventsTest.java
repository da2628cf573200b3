package se.alfmonitor.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/**
 * Submissions of the regional management level's questionnaires (alf-region, region-governance, answered as
 * {@code REGION-<code>}) are not assessed against the 27 unit levels: they are consumed, recorded as processed and
 * leave no unit assessment, no received revision for the consistency check and no dead letter.
 */
@QuarkusTest
class RegionalQuestionnaireEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void regionalQuestionnairesAreConsumedWithoutUnitAssessments() throws Exception {
        String campaign = "alf-region-test-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = Submissions.JSON.createObjectNode().put("R01", "ALF-kommittén").put("R05a", "D1")
                .put("R19", "YEARLY");
        body.putArray("R04").addObject().put("docId", "D1").put("docType", "ALF_AGREEMENT")
                .put("title", "Regionalt ALF-avtal").put("regionDecisionDate", "2016-03-01");
        body.putArray("R08.research").add("D1");
        ObjectNode governance = Submissions.JSON.createObjectNode().put("G02", "SINGLE_BODY");
        governance.putArray("G08").addObject().put("indicatorId", "CF-02").put("year", 2021)
                .put("targetValue", "0,75");
        List<CloudEvent<SubmissionSubmitted>> events = List.of(
                event(campaign, "alf-region", "REGION-01", "01", body),
                event(campaign, "region-governance", "REGION-01", "01", governance),
                event(campaign, "alf-region", "REGION-24", "24", body));

        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq");
                TopicProbe assessments = TopicProbe.from("alf.assessments.v1")) {
            for (CloudEvent<SubmissionSubmitted> event : events) {
                TopicProbe.send("alf.submissions.v1", event.data().unit().id(), json(event));
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("select count(*) from inbox_event where event_id = any(?)",
                            events.stream().map(e -> UUID.fromString(e.id())).toArray(UUID[]::new)) == 3);

            assertThat(count("select count(*) from assessment where campaign_id = ?", campaign)).isZero();
            assertThat(count("select count(*) from submission_received where campaign_id = ?", campaign)).isZero();
            given().auth().oauth2(Tokens.monitor()).queryParam("campaignId", campaign).get("/api/assessments")
                    .then().statusCode(200).body("$", hasSize(0));
            assertThat(assessments.await(r -> r.value().contains(campaign), 1, Duration.ofSeconds(2))).isEmpty();
            assertThat(dlq.await(r -> r.value().contains(campaign), 1, Duration.ofSeconds(1))).isEmpty();
        }
    }

    private static CloudEvent<SubmissionSubmitted> event(String campaign, String questionnaire, String unitId,
            String regionCode, ObjectNode answers) {
        return CloudEvent.create("/alf-monitor/test", Topic.SUBMISSIONS, unitId,
                new SubmissionSubmitted(UUID.randomUUID(), 1, campaign,
                        new SubmissionSubmitted.QuestionnaireRef(questionnaire, "2021"),
                        new SubmissionSubmitted.UnitRef(unitId, regionCode, false, null), answers, Instant.now(),
                        "service-account-region-" + regionCode));
    }

    private static String json(CloudEvent<SubmissionSubmitted> event) {
        try {
            return Submissions.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter instanceof UUID[] ids) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
            } else {
                statement.setObject(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
