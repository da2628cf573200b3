package se.alfmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.alfmonitor.testing.TopicProbe;

/**
 * Submissions of the regional management level's questionnaires (alf-region, region-governance, as
 * {@code REGION-<code>}) are stored with the other answers but feed no indicator yet: no value, no response rate,
 * no unit, no dead letter.
 */
@QuarkusTest
class RegionalQuestionnaireEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void regionalQuestionnairesAreStoredButComputeNothing() throws Exception {
        // each questionnaire has campaigns of its own, so one region's two submissions are two stored answer sets
        int year = Events.uniqueYear();
        String bodyCampaign = "alf-region-" + year;
        String governanceCampaign = "region-governance-" + year;
        UUID body = UUID.randomUUID();
        UUID governance = UUID.randomUUID();
        ObjectNode bodyAnswers = Events.json("""
                {"R01": "ALF-kommittén", "R05a": "D1", "R08.research": ["D1"],
                 "R04": [{"docId": "D1", "docType": "ALF_AGREEMENT", "title": "Regionalt ALF-avtal",
                          "regionDecisionDate": "2016-03-01"}],
                 "R10": {"2018": 40, "2019": null, "2022": 45}, "R32": {"2021": 431}}""");
        ObjectNode governanceAnswers = Events.json("""
                {"G02": "SINGLE_BODY", "G07": [{"indicatorId": "CF-02", "measures": "PATIENTS_IN_STUDIES"}],
                 "G08": [{"indicatorId": "CF-02", "year": 2021, "targetValue": "0,75"}],
                 "G11": {"2018": 20, "2020": null}}""");

        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq")) {
            Events.submission(body, 1, bodyCampaign, "alf-region", "REGION-01", "01", bodyAnswers);
            Events.submission(governance, 1, governanceCampaign, "region-governance", "REGION-01", "01",
                    governanceAnswers);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("select count(*) from submission_answers where campaign_id in (?, ?)",
                            bodyCampaign, governanceCampaign) == 2);
            // each is stored as the latest answers of its questionnaire and region
            assertThat(count("select count(*) from submission_answers where campaign_id in (?, ?)"
                    + " and unit_id = 'REGION-01' and questionnaire_key in ('alf-region', 'region-governance')",
                    bodyCampaign, governanceCampaign)).isEqualTo(2);
            assertThat(count("select count(*) from indicator_value where inputs::text like '%' || ? || '%'"
                    + " or inputs::text like '%' || ? || '%'", bodyCampaign, governanceCampaign)).isZero();
            assertThat(count("select count(*) from unit_assessment where campaign_id in (?, ?)", bodyCampaign,
                    governanceCampaign)).isZero();
            assertThat(dlq.await(r -> r.value().contains("-" + year), 1, Duration.ofSeconds(1))).isEmpty();
        }
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
