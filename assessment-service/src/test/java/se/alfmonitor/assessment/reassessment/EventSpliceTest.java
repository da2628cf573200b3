package se.alfmonitor.assessment.reassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventSpliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEVELS = "[{\"number\": 1, \"explanation\": {\"sv\": \"Uppfylld – minst fem år\"}}]";

    @Test
    void theMemberLeftNullIsReplacedByTheStoredValueAfterMultiByteCharacters() throws Exception {
        String envelope = "{\"id\":\"1\",\"subject\":\"Örebro – enhet ≥ 5\",\"data\":{\"unitId\":\"Å-1\","
                + "\"levels\":null,\"metCount\":3},\"type\":\"t\"}";
        JsonNode event = put(envelope, "levels", LEVELS);
        assertThat(event.path("data").path("levels")).isEqualTo(JSON.readTree(LEVELS));
        assertThat(event.path("data").path("metCount").asInt()).isEqualTo(3);
        assertThat(event.path("subject").asText()).isEqualTo("Örebro – enhet ≥ 5");
        assertThat(event.path("type").asText()).isEqualTo("t");
    }

    @Test
    void aMemberLeftOutIsAddedToTheData() throws Exception {
        assertThat(put("{\"data\":{\"unitId\":\"Å-1\"}}", "levels", LEVELS).path("data"))
                .isEqualTo(JSON.readTree("{\"unitId\":\"Å-1\",\"levels\":" + LEVELS + "}"));
        assertThat(put("{\"data\":{}, \"id\": \"2\"}", "levels", LEVELS))
                .isEqualTo(JSON.readTree("{\"data\":{\"levels\":" + LEVELS + "},\"id\":\"2\"}"));
    }

    @Test
    void aMemberAlreadyGivenOrAnEventWithoutDataIsRefused() {
        assertThatThrownBy(() -> put("{\"data\":{\"levels\":[]}}", "levels", LEVELS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not left null");
        assertThatThrownBy(() -> put("{\"id\":\"1\",\"data\":null}", "levels", LEVELS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no data object");
        assertThatThrownBy(() -> put("[1]", "levels", LEVELS)).isInstanceOf(IllegalStateException.class);
    }

    private static JsonNode put(String envelope, String member, String value) throws Exception {
        // the value in two pieces, slices of arrays holding other bytes around them, as a reader may give it
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        byte[] first = new byte[half + 6];
        System.arraycopy(bytes, 0, first, 3, half);
        byte[] second = ("xy" + value + "z").getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(first, 3, half),
                ByteBuffer.wrap(second, 2 + half, bytes.length - half));
        byte[] spliced = EventSplice.put(JSON.getFactory(), envelope.getBytes(StandardCharsets.UTF_8), member,
                pieces);
        assertThat(EventSplice.join(pieces)).isEqualTo(bytes);
        return JSON.readTree(spliced);
    }
}
