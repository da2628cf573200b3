package se.alfmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the enumerated fields of an OpenAPI document that do not list their allowed values: every string property of
 * a component schema, and every query parameter, whose name is one of the given names (such as {@code status} or
 * {@code outcome}) must carry an {@code enum}, directly, through a {@code $ref} to a schema that does, or on its array
 * items.
 */
public final class OpenApiEnums {

    /** The names of the enumerated fields and query parameters of the four services. */
    public static final Set<String> NAMES = Set.of("status", "outcome", "surveyOutcome", "area", "action",
            "decision", "provider", "format", "fromStatus", "toStatus", "orgUnitLevel", "baseLevel", "levels", "kind",
            "level", "view", "feed");

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiEnums() {
    }

    /** {@code Schema.property} or {@code GET /path ?param} for each such field without its values; empty if none. */
    public static List<String> missing(String document, Set<String> names) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode schemas = root.path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields();
                    props.hasNext();) {
                Map.Entry<String, JsonNode> property = props.next();
                if (names.contains(property.getKey()) && !enumerated(property.getValue(), schemas)) {
                    missing.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText()) && names.contains(parameter.path("name").asText())
                            && !enumerated(parameter.path("schema"), schemas)) {
                        missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " ?"
                                + parameter.path("name").asText());
                    }
                }
            }
        }
        return missing;
    }

    private static boolean enumerated(JsonNode schema, JsonNode schemas) {
        if (schema.has("enum")) {
            return true;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !type.equals("string") && !type.equals("array")) {
            return true; // a number or a boolean is not an enumerated text
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return enumerated(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        if (schema.has("items")) {
            return enumerated(schema.get("items"), schemas);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combined)) {
                if (enumerated(part, schemas)) {
                    return true;
                }
            }
        }
        return false;
    }
}
