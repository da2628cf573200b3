package se.alfmonitor.assessment.reassessment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Puts a stored member into an event's data as the outbox relay publishes it ({@link AssessmentEventPayloads}). Both
 * stay bytes: the small envelope is scanned for where the member's {@code null} is (or the data's end, when nulls
 * were left out), and the value's bytes, tens of kB of UTF-8 as the database sent them (in pieces, as
 * {@link CarriedLevels#read} gives them), are copied in there without being decoded: the event is the one array
 * allocated.
 */
final class EventSplice {

    private EventSplice() {
    }

    /**
     * The envelope {@code payload} with {@code data.<name>} set to the JSON {@code value}.
     *
     * @throws IllegalStateException if the envelope has no data object, or its member is there and not null
     */
    static byte[] put(JsonFactory factory, byte[] payload, String name, List<ByteBuffer> value) throws IOException {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean data = "data".equals(parser.currentName());
                    if (parser.nextToken() == JsonToken.START_OBJECT && data) {
                        return putInData(parser, payload, name, value);
                    }
                    parser.skipChildren();
                }
            }
        }
        throw new IllegalStateException("The event has no data object to put data." + name + " into");
    }

    private static byte[] putInData(JsonParser parser, byte[] payload, String name, List<ByteBuffer> value)
            throws IOException {
        boolean empty = true;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            empty = false;
            boolean member = name.equals(parser.currentName());
            JsonToken memberValue = parser.nextToken();
            if (member) {
                if (memberValue != JsonToken.VALUE_NULL) {
                    throw new IllegalStateException("The event's data." + name + " is not left null");
                }
                return splice(payload, offset(parser), "null".length(), null, value);
            }
            parser.skipChildren();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("The event's data is not a JSON object");
        }
        // left out (nulls not written): added before the data's closing brace
        byte[] field = ((empty ? "\"" : ",\"") + new String(JsonStringEncoder.getInstance().quoteAsUTF8(name),
                StandardCharsets.UTF_8) + "\":").getBytes(StandardCharsets.UTF_8);
        return splice(payload, offset(parser), 0, field, value);
    }

    private static int offset(JsonParser parser) {
        return Math.toIntExact(parser.currentTokenLocation().getByteOffset());
    }

    /** {@code payload} with {@code length} bytes at {@code at} replaced by {@code prefix} (if any) and {@code value}. */
    private static byte[] splice(byte[] payload, int at, int length, byte[] prefix, List<ByteBuffer> value) {
        int extra = prefix == null ? 0 : prefix.length;
        byte[] out = new byte[payload.length - length + extra + length(value)];
        System.arraycopy(payload, 0, out, 0, at);
        if (prefix != null) {
            System.arraycopy(prefix, 0, out, at, extra);
        }
        int to = copy(value, out, at + extra);
        System.arraycopy(payload, at + length, out, to, payload.length - at - length);
        return out;
    }

    /** The bytes of {@code pieces}, one after the other, in one array. */
    static byte[] join(List<ByteBuffer> pieces) {
        byte[] joined = new byte[length(pieces)];
        copy(pieces, joined, 0);
        return joined;
    }

    /** How many bytes {@code pieces} hold together. */
    static int length(List<ByteBuffer> pieces) {
        int length = 0;
        for (ByteBuffer piece : pieces) {
            length += piece.remaining();
        }
        return length;
    }

    /** Copies {@code pieces} one after the other into {@code out} from {@code at}, leaving them as they were. */
    static int copy(List<ByteBuffer> pieces, byte[] out, int at) {
        int to = at;
        for (ByteBuffer piece : pieces) {
            int n = piece.remaining();
            piece.duplicate().get(out, to, n);
            to += n;
        }
        return to;
    }
}
