package se.alfmonitor.contract.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;

/**
 * JSON request bodies must be UTF-8 (RFC 8259, section 8.1). The JSON parser is lenient: it decodes overlong byte
 * sequences such as {@code C0 AF} as if they were {@code /}, and guesses UTF-16 from zero bytes, so malformed text could
 * be stored as something the client never sent. The body (already limited to the maximum body size) is checked with
 * the JDK's strict decoder first and refused with 400 {@code MALFORMED_JSON}; a zero byte is never part of UTF-8 JSON
 * text either.
 */
@Provider
public class StrictUtf8Json implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"))) {
            byte[] body = context.getInputStream().readAllBytes();
            check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    static void check(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                throw refused("The body contains a zero byte; JSON is sent as UTF-8");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw refused("The body is not valid UTF-8: " + e);
        }
    }

    private static ProblemException refused(String message) {
        return ProblemException.badRequest("MALFORMED_JSON", "The request body could not be read",
                List.of(new FieldError("MALFORMED_JSON", "/", message)));
    }
}
