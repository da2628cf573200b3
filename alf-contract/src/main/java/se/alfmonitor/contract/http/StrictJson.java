package se.alfmonitor.contract.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Reads request bodies strictly, so that a body means one thing or is refused with 400 {@code MALFORMED_JSON} (or
 * {@code WRONG_TYPE}) before anything is stored:
 * <ul>
 * <li>a key given twice (<code>{"3": "JA", "3": "NEJ"}</code>) is refused instead of the last one silently winning;</li>
 * <li>anything after the document (a second document, stray brackets) is refused instead of ignored;</li>
 * <li>a fraction or {@code 1e400} for a whole-number field is refused instead of truncated;</li>
 * <li>nesting deeper than {@value #MAX_NESTING} levels is refused while parsing; the deepest body of the contract (a
 * table cell in a submission) is five levels deep.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NESTING = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).build());
    }
}
