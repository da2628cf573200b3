package se.alfmonitor.assessment.reassessment;

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

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The relay and this service's {@link AssessmentEventPayloads}: an outbox row whose reference cannot be finished (no
 * bean of its kind, or no assessment row behind it) is not sent, keeps its error, and holds back the later events of
 * its key, while the events of other keys go on. (That a finished event carries exactly the composed levels is
 * {@code ReassessmentCarryOverTest}'s.)
 */
@QuarkusTest
class OutboxReferenceTest {

    @Inject
    DataSource dataSource;

    @Test
    void anEventThatCannotBeFinishedHoldsBackItsKeyAndNoOther() throws SQLException {
        String held = "outbox-test-" + UUID.randomUUID();
        String other = "outbox-test-" + UUID.randomUUID();
        String unknown = "outbox-test-" + UUID.randomUUID();
        long missing = insert(held, AssessmentEventPayloads.KIND, -1L);
        long behind = insert(held, null, null);
        long free = insert(other, null, null);
        long unknownKind = insert(unknown, "no.such-kind", 1L);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> published(free) && error(missing) != null
                    && error(behind) != null && error(unknownKind) != null);
            assertThat(published(missing)).isFalse();
            assertThat(published(behind)).isFalse();
            assertThat(published(unknownKind)).isFalse();
            assertThat(error(missing)).contains("not finished by the OutboxPayloads of kind assessment.levels")
                    .contains("reference -1");
            assertThat(error(behind)).contains("held back behind an earlier event of the same key");
            assertThat(error(unknownKind)).contains("no OutboxPayloads bean of kind no.such-kind");
        } finally {
            sql("delete from outbox_event where event_key in ('" + held + "', '" + unknown + "')");
        }
    }

    private long insert(String key, String kind, Long reference) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at, attempts,
                    payload_kind, payload_ref)
                values (?, 'alf.assessments.v1', ?, 'se.alfmonitor.test', ?, now(), 0, ?, ?) returning id""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key);
            insert.setString(3, "{\"id\":\"" + UUID.randomUUID() + "\",\"data\":{\"levels\":null}}");
            insert.setString(4, kind);
            insert.setObject(5, reference);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean published(long id) throws SQLException {
        return query("select published_at is not null from outbox_event where id = " + id).equals("t");
    }

    private String error(long id) throws SQLException {
        String error = query("select coalesce(last_error, '') from outbox_event where id = " + id);
        return error.isEmpty() ? null : error;
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection
                .prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            Object value = rs.getObject(1);
            return value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.executeUpdate();
        }
    }
}
