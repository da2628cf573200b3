package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The item ids of a published questionnaire version with the option codes and years each accepts, read from the
 * definition survey-service validates against, so that a rule set is checked against the answers it will be given.
 */
public final class QuestionnaireItems {

    /**
     * @param options the option codes of a choice item, empty for other types
     * @param years the years of a yearly item, empty for other types
     */
    public record Item(String id, String type, Set<String> options, Set<String> years) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Item> byId;

    private QuestionnaireItems(Map<String, Item> byId) {
        this.byId = byId;
    }

    /** Empty when the questionnaire version's definition is not on the class path. */
    public static Optional<QuestionnaireItems> of(String key, String version) {
        String resource = "questionnaires/" + key + "-" + version + ".json";
        try (InputStream in = QuestionnaireItems.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Item> byId = new HashMap<>();
            collect(JSON.readTree(in).path("items"), byId);
            return Optional.of(new QuestionnaireItems(Map.copyOf(byId)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read questionnaire " + resource, e);
        }
    }

    private static void collect(JsonNode items, Map<String, Item> byId) {
        for (JsonNode item : items) {
            List<String> options = item.path("options").findValuesAsText("code");
            List<String> years = JSON.convertValue(item.path("years"), JSON.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            String id = item.path("id").asText();
            byId.put(id, new Item(id, item.path("type").asText(), Set.copyOf(options),
                    years == null ? Set.of() : Set.copyOf(years)));
            collect(item.path("items"), byId);
        }
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
