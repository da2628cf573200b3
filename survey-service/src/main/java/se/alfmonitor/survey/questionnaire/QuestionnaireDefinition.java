package se.alfmonitor.survey.questionnaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A published questionnaire version. {@link #answerable()} flattens GROUPs: their sub-items are answered under their
 * own ids and the GROUP itself takes no value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionnaireDefinition(
        String key,
        String version,
        QuestionnaireLevel level,
        String status,
        String titleSv,
        String titleEn,
        List<Section> sections,
        List<Item> items) {

    public QuestionnaireDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Every item that takes a value, in printed order, by id. */
    public Map<String, Item> answerable() {
        Map<String, Item> flat = new LinkedHashMap<>();
        collect(items, flat);
        return Collections.unmodifiableMap(flat);
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(answerable().get(id));
    }

    /** Ids of GROUP items: they exist in the definition but take no value. */
    public List<String> groupIds() {
        List<String> ids = new ArrayList<>();
        collectGroups(items, ids);
        return ids;
    }

    private static void collect(List<Item> items, Map<String, Item> into) {
        for (Item item : items) {
            if (item.type() == ItemType.GROUP) {
                collect(item.items(), into);
            } else {
                into.put(item.id(), item);
            }
        }
    }

    private static void collectGroups(List<Item> items, List<String> into) {
        for (Item item : items) {
            if (item.type() == ItemType.GROUP) {
                into.add(item.id());
                collectGroups(item.items(), into);
            }
        }
    }

    /** The definition together with its document as published, which is what clients are served. */
    public record Published(QuestionnaireDefinition definition, JsonNode document) {
    }
}
