package se.alfmonitor.assessment.reassessment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.contract.events.AssessmentCompleted;

/**
 * An assessment version's levels as the API shows them and its event carries them, composed from what is stored.
 *
 * <p>A version made by re-assessing under a new rule set stores the levels it evaluated as they are, and each level
 * it carried over (its rule unchanged, see {@link BatchReassessment#reassessAll}) as a stub
 * {@code {number, area, outcome, explanation: {carriedFrom: id, review}}} naming the version whose row holds the
 * level's whole explanation. That row never holds a stub for the level itself (a stub copied from one version to the
 * next keeps naming the same row), so one step always reaches the text. Composing replaces each stub by the level
 * its row holds, with the explanation's {@code ruleSetVersion} set to that of the version composed, as if it had
 * been evaluated again: the same rule over the same answers and assessor decision gives the same result.
 *
 * <p>Storing a stub instead of the level's several kB of explanation is what makes re-assessing many units cheap
 * for the database (V5). The composition works on the bytes the database sends: each level's JSON is copied as it
 * is, only the version's value replaced, so composing costs a scan of the levels, not parsing and writing them.
 */
@ApplicationScoped
public class CarriedLevels {

    /** The member of a stub's explanation naming the row that holds the level. */
    public static final String CARRIED_FROM = "carriedFrom";
    private static final byte[] STUB_MARK = ('"' + CARRIED_FROM + '"').getBytes(StandardCharsets.UTF_8);
    private static final ByteBuffer OPEN = constant("[");
    private static final ByteBuffer COMMA = constant(",");
    private static final ByteBuffer CLOSE = constant("]");
    private static final TypeReference<List<AssessmentCompleted.Level>> LEVELS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final JsonFactory factory;
    private final EntityManager entityManager;

    public CarriedLevels(ObjectMapper json, EntityManager entityManager) {
        this.json = StoredJson.readerOf(json);
        this.factory = this.json.getFactory();
        this.entityManager = entityManager;
    }

    /**
     * The explanation of a stub: the row {@code rowId} holds the level's whole explanation; {@code review}, the
     * assessor's decision that explanation names, if any, is kept for the next re-assessment to compare
     * ({@link LevelSummary}). Composing takes neither from the stub.
     */
    public static ObjectNode stub(long rowId, LevelSummary.Review review) {
        ObjectNode stub = JsonNodeFactory.instance.objectNode().put(CARRIED_FROM, rowId);
        if (review != null) {
            stub.set("review", review.toJson());
        }
        return stub;
    }

    /** The row holding {@code level}'s explanation if it is a stub, or null. */
    public static Long carriedFrom(AssessmentCompleted.Level level) {
        JsonNode from = level.explanation() == null ? null : level.explanation().get(CARRIED_FROM);
        return from == null || !from.canConvertToLong() ? null : from.longValue();
    }

    /**
     * The composed levels of each of the rows {@code ids} found, as UTF-8 JSON: two statements, one for the rows and
     * one for the rows their stubs name. A composed array comes as slices of the bytes read, copied only by whoever
     * needs them in one place ({@link AssessmentEventPayloads}, straight into the event; {@link #readJoined}
     * otherwise).
     *
     * @throws IllegalStateException if a stub names a row that does not hold its level
     */
    public Map<Long, List<ByteBuffer>> read(Connection connection, Long[] ids) throws SQLException {
        Map<Long, Stored> rows = select(connection, List.of(ids));
        Map<Long, List<Element>> partial = new HashMap<>();
        Set<Long> sources = new LinkedHashSet<>();
        for (Stored row : rows.values()) {
            if (indexOf(row.levels(), STUB_MARK) >= 0) {
                List<Element> elements = elements(row.levels());
                partial.put(row.id(), elements);
                elements.stream().filter(e -> e.carriedFrom() != null).forEach(e -> sources.add(e.carriedFrom()));
            }
        }
        Map<Long, List<ByteBuffer>> composed = new HashMap<>();
        rows.forEach((id, row) -> composed.put(id, List.of(ByteBuffer.wrap(row.levels()))));
        if (partial.isEmpty()) {
            return composed;
        }
        Map<Long, Map<Integer, Element>> byNumber = new HashMap<>();
        Map<Long, Stored> sourceRows = select(connection, sources);
        for (Stored source : sourceRows.values()) {
            Map<Integer, Element> levels = new HashMap<>();
            elements(source.levels()).forEach(e -> levels.put(e.number(), e));
            byNumber.put(source.id(), levels);
        }
        for (Map.Entry<Long, List<Element>> entry : partial.entrySet()) {
            Stored row = rows.get(entry.getKey());
            composed.put(row.id(), compose(row, entry.getValue(), sourceRows, byNumber));
        }
        return composed;
    }

    /** {@link #read}, each row's composed levels in one array. */
    public Map<Long, byte[]> readJoined(Connection connection, Long[] ids) throws SQLException {
        Map<Long, byte[]> joined = new HashMap<>();
        read(connection, ids).forEach((id, pieces) -> joined.put(id, EventSplice.join(pieces)));
        return joined;
    }

    /**
     * Sets the levels of those of {@code assessments} loaded with stubs to their composed levels
     * ({@link AssessmentEntity#levels} is null for them until then). One pair of statements for all of them, none
     * when none holds a stub.
     */
    public void compose(Collection<AssessmentEntity> assessments) {
        List<AssessmentEntity> partial = assessments.stream()
                .filter(a -> a.levels == null && a.storedLevels != null)
                .toList();
        if (partial.isEmpty()) {
            return;
        }
        Map<Long, byte[]> composed = entityManager.unwrap(Session.class).doReturningWork(
                connection -> readJoined(connection, partial.stream().map(a -> a.id).toArray(Long[]::new)));
        try {
            for (AssessmentEntity assessment : partial) {
                assessment.levels = json.readValue(composed.get(assessment.id), LEVELS);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Composed levels are not readable JSON", e);
        }
    }

    /** A row's stored levels, as the bytes the database sent, and its rule set version. */
    private record Stored(long id, String ruleSetVersion, byte[] levels) {
    }

    /**
     * One level of a stored array: where its JSON starts and ends, its number, the row named by its stub (or null),
     * and where its explanation's {@code ruleSetVersion} value is (the string with its quotes; -1 if it has none).
     */
    private record Element(int start, int end, int number, Long carriedFrom, int versionStart, int versionEnd) {
    }

    private static Map<Long, Stored> select(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Stored> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, rule_set_version, cast(levels as text) from assessment where id = any (?)")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return rows;
    }

    /** The composed array as slices of {@code row}'s and its sources' bytes, in order; nothing is copied. */
    private List<ByteBuffer> compose(Stored row, List<Element> elements, Map<Long, Stored> sources,
            Map<Long, Map<Integer, Element>> byNumber) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(row.ruleSetVersion());
        ByteBuffer version = ByteBuffer.allocate(quoted.length + 2).put((byte) '"').put(quoted).put((byte) '"')
                .flip().asReadOnlyBuffer();
        List<ByteBuffer> out = new ArrayList<>(elements.size() * 4 + 1);
        out.add(OPEN.duplicate());
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.add(COMMA.duplicate());
            }
            Element element = elements.get(i);
            if (element.carriedFrom() == null) {
                out.add(slice(row.levels(), element.start(), element.end()));
                continue;
            }
            Stored source = sources.get(element.carriedFrom());
            Element level = source == null ? null
                    : byNumber.get(source.id()).get(element.number());
            if (level == null || level.carriedFrom() != null) {
                throw new IllegalStateException("Level " + element.number() + " of assessment " + row.id()
                        + " is carried from assessment " + element.carriedFrom() + ", which does not hold it");
            }
            byte[] text = source.levels();
            if (level.versionStart() < 0) {
                out.add(slice(text, level.start(), level.end()));
            } else {
                out.add(slice(text, level.start(), level.versionStart()));
                out.add(version.duplicate());
                out.add(slice(text, level.versionEnd(), level.end()));
            }
        }
        out.add(CLOSE.duplicate());
        return out;
    }

    private static ByteBuffer slice(byte[] bytes, int from, int to) {
        return ByteBuffer.wrap(bytes, from, to - from).slice();
    }

    /** The levels of a stored array, scanned without decoding the explanations' texts. */
    private List<Element> elements(byte[] levels) {
        List<Element> elements = new ArrayList<>(32);
        try (JsonParser parser = factory.createParser(levels)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("Stored levels are not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int start = offset(parser.currentTokenLocation().getByteOffset());
                int number = -1;
                Long carriedFrom = null;
                int versionStart = -1;
                int versionEnd = -1;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("number".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                        number = parser.getIntValue();
                    } else if ("explanation".equals(field) && value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String member = parser.currentName();
                            JsonToken memberValue = parser.nextToken();
                            if (CARRIED_FROM.equals(member) && memberValue == JsonToken.VALUE_NUMBER_INT) {
                                carriedFrom = parser.getLongValue();
                            } else if ("ruleSetVersion".equals(member) && memberValue == JsonToken.VALUE_STRING) {
                                versionStart = offset(parser.currentTokenLocation().getByteOffset());
                                parser.getText(); // reads to the closing quote
                                versionEnd = offset(parser.currentLocation().getByteOffset());
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                // just past the level's closing brace
                elements.add(new Element(start, offset(parser.currentLocation().getByteOffset()), number,
                        carriedFrom, versionStart, versionEnd));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Stored levels are not readable JSON", e);
        }
        return elements;
    }

    private static ByteBuffer constant(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    private static int offset(long offset) {
        return Math.toIntExact(offset);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer: for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
