package se.alfmonitor.assessment.reassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.Submissions;

/**
 * Composing stored levels from stubs ({@link CarriedLevels}), on rows written as text: a level's JSON is copied as it
 * is, whatever its spacing (rows converted from jsonb by V5 have a space after each colon), with only its
 * explanation's rule set version replaced.
 */
@QuarkusTest
class CarriedLevelsTest {

    @Inject
    CarriedLevels carried;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    @Test
    void stubsAreReplacedByTheLevelsTheirRowsHoldWithTheComposedVersion() throws Exception {
        // as jsonb writes it out, and with a text holding what looks like the member, escaped
        String whole = """
                [{"area": "FORSKNING", "number": 1, "outcome": "MET", \
                "explanation": {"en": "Met, \\"ruleSetVersion\\": \\"x\\"", \
                "items": [{"id": "1.1", "answer": "JA"}], "ruleSetVersion": "2021.1"}}, \
                {"area": "FORSKNING", "number": 2, "outcome": "NOT_MET", \
                "explanation": {"ruleSetVersion": "2021.1", "sv": "Ej uppfylld"}}, \
                {"area": "UTBILDNING", "number": 3, "outcome": "MET", "explanation": {"sv": "Uppfylld"}}]""";
        long source = insert("2021.1", whole);
        String partial = "[{\"number\":1,\"area\":\"FORSKNING\",\"outcome\":\"MET\",\"explanation\":{\"carriedFrom\":"
                + source + "}},{\"number\":2,\"area\":\"FORSKNING\",\"outcome\":\"MET\",\"explanation\":"
                + "{\"sv\":\"Ny\",\"ruleSetVersion\":\"2021.2\"}},{\"number\":3,\"area\":\"UTBILDNING\","
                + "\"outcome\":\"MET\",\"explanation\":{\"carriedFrom\":" + source + "}}]";
        long next = insert("2021.2", partial);
        // a stub copied on names the same row
        String again = partial.replace("2021.2", "2021.3");
        long third = insert("2021.3", again);

        Map<Long, byte[]> composed = read(source, next, third);

        assertThat(json.readTree(composed.get(source))).isEqualTo(json.readTree(whole));
        JsonNode levels = json.readTree(composed.get(next));
        JsonNode expected = json.readTree("""
                [{"area": "FORSKNING", "number": 1, "outcome": "MET", \
                "explanation": {"en": "Met, \\"ruleSetVersion\\": \\"x\\"", \
                "items": [{"id": "1.1", "answer": "JA"}], "ruleSetVersion": "2021.2"}}, \
                {"number":2,"area":"FORSKNING","outcome":"MET","explanation":{"sv":"Ny","ruleSetVersion":"2021.2"}}, \
                {"area": "UTBILDNING", "number": 3, "outcome": "MET", "explanation": {"sv": "Uppfylld"}}]""");
        assertThat(levels).isEqualTo(expected);
        assertThat(json.readTree(composed.get(third)).get(0).path("explanation").path("ruleSetVersion").asText())
                .isEqualTo("2021.3");
        // the bytes of a level are copied as stored
        assertThat(new String(composed.get(next), StandardCharsets.UTF_8))
                .contains("\"items\": [{\"id\": \"1.1\", \"answer\": \"JA\"}], \"ruleSetVersion\": \"2021.2\"}}");
    }

    @Test
    void aStubNamingARowThatDoesNotHoldItsLevelFails() {
        long whole = insert("2021.1", "[{\"number\":1,\"area\":\"FORSKNING\",\"outcome\":\"MET\",\"explanation\":{}}]");
        long stubs = insert("2021.2", "[{\"number\":2,\"area\":\"FORSKNING\",\"outcome\":\"MET\",\"explanation\":"
                + "{\"carriedFrom\":" + whole + "}}]");
        long stubOfStub = insert("2021.3", "[{\"number\":2,\"area\":\"FORSKNING\",\"outcome\":\"MET\","
                + "\"explanation\":{\"carriedFrom\":" + stubs + "}}]");

        assertThatThrownBy(() -> read(stubs)).hasMessageContaining("Level 2 of assessment " + stubs
                + " is carried from assessment " + whole + ", which does not hold it");
        assertThatThrownBy(() -> read(stubOfStub)).hasMessageContaining("which does not hold it");
    }

    private Map<Long, byte[]> read(Long... ids) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> carried.readJoined(connection, ids)));
    }

    /** A version that is not the latest, so that it stays out of every other test's way. */
    private long insert(String ruleSetVersion, String levels) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                insert into assessment (unit_id, region_code, campaign_id, submission_id, submission_revision,
                    version, rule_set_version, assessed_at, met_count, all_met, pending_reviews, levels, latest)
                values (?1, '01', ?2, ?3, 1, 1, ?4, now(), 0, false, 0, cast(?5 as json), false)
                returning id""")
                .setParameter(1, Submissions.unitId("01"))
                .setParameter(2, Submissions.CAMPAIGN)
                .setParameter(3, UUID.randomUUID())
                .setParameter(4, ruleSetVersion)
                .setParameter(5, levels)
                .getSingleResult()).longValue());
    }
}
