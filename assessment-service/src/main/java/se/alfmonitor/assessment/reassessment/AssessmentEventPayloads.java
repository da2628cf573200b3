package se.alfmonitor.assessment.reassessment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.messaging.OutboxPayloads;

/**
 * Finishes the {@code AssessmentCompleted} events whose outbox rows refer to the assessment row holding their levels
 * (kind {@value #KIND}, the reference is the row's id): the relay's batch of them is read with
 * {@link CarriedLevels#read} (two statements) and each event's {@code data.levels} spliced in as bytes
 * ({@link EventSplice}), so the tens of kB of levels are neither stored twice nor parsed on their way out.
 */
@ApplicationScoped
public class AssessmentEventPayloads implements OutboxPayloads {

    /** As the rows written before this kind existed name it (their table and column, V0_3). */
    public static final String KIND = "assessment.levels";
    private static final String MEMBER = "levels";

    private final CarriedLevels carried;
    private final JsonFactory factory;

    public AssessmentEventPayloads(CarriedLevels carried, ObjectMapper json) {
        this.carried = carried;
        this.factory = json.getFactory();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Every row whose assessment is found; a row whose assessment is not is left out (and held back). */
    @Override
    public Map<Long, byte[]> finish(Connection connection, List<Referring> rows) throws SQLException, IOException {
        Map<Long, List<ByteBuffer>> levels = carried.read(connection,
                rows.stream().map(Referring::reference).distinct().toArray(Long[]::new));
        Map<Long, byte[]> events = new HashMap<>();
        for (Referring row : rows) {
            List<ByteBuffer> value = levels.get(row.reference());
            if (value != null) {
                events.put(row.outboxId(), EventSplice.put(factory, row.payload(), MEMBER, value));
            }
        }
        return events;
    }
}
