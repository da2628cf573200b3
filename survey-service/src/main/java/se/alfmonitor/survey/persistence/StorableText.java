package se.alfmonitor.survey.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The one rule on text this service stores: no NUL character (U+0000). It is valid in JSON, but PostgreSQL's text
 * types cannot hold it (nor compare with it), so input carrying it is refused with the other problems of a request
 * instead of failing when stored; no id, name or questionnaire answer needs it.
 */
public final class StorableText {

    /** For Bean Validation's {@code @Pattern} on request bodies. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private StorableText() {
    }

    public static boolean containsNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /**
     * A JSON tree as it can be stored: every NUL in its texts and field names becomes U+FFFD. For records that quote
     * rejected input (an import's summary); what the client is sent is left as it was.
     */
    public static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual() && containsNul(node.textValue())) {
            return TextNode.valueOf(node.textValue().replace('\u0000', '\uFFFD'));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(withoutNul(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(field.getKey().replace('\u0000', '\uFFFD'),
                    withoutNul(field.getValue())));
            return copy;
        }
        return node;
    }
}
