package se.alfmonitor.indicator.values;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code inputs} of a value as JSON: written, read back as a tree, read with exact decimals (as the sums in SQL
 * read them), and compared with what is stored.
 */
@ApplicationScoped
public class InputsJson {

    private final ObjectMapper mapper;
    private final ObjectReader decimals;

    public InputsJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.decimals = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads fractions as exact decimals, as the sums in SQL read them; a missing node for null. */
    public JsonNode exact(String json) {
        if (json == null) {
            return mapper.missingNode();
        }
        try {
            return decimals.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #exact}, or null when the text is null or not JSON. */
    JsonNode exactOrNull(String json) {
        try {
            return json == null ? null : decimals.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Compares as trees, so that key order and number formatting of the stored jsonb do not matter. Fractions compare
     * as doubles (the stored ones are read exactly, for the sums, and rounded to a double here): a difference beyond a
     * double's precision is no change.
     */
    boolean same(JsonNode stored, String fresh) {
        try {
            return normalized(stored).equals(normalized(mapper.readTree(fresh)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Numbers as decimals without trailing zeros, so 25.0 read back from jsonb equals 25.0 computed now. */
    private JsonNode normalized(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal decimal = node.isFloatingPointNumber() ? BigDecimal.valueOf(node.doubleValue())
                    : node.decimalValue();
            return mapper.getNodeFactory().numberNode(decimal.stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(e -> copy.add(normalized(e)));
            return copy;
        }
        return node;
    }
}
