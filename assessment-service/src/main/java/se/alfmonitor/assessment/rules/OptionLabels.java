package se.alfmonitor.assessment.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Swedish and English labels of every option of a published questionnaire version, read from the same definition
 * survey-service validates against ({@code questionnaires/<key>-<version>.json}, shipped in the contract module), so
 * that an explanation shows «Ja» and «Inte aktuellt, USVE saknar direkt patientkontakt» rather than option codes.
 */
public final class OptionLabels {

    /** The labels of one option. */
    public record Label(String sv, String en) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OptionLabels NONE = new OptionLabels(Map.of());

    private final Map<String, Map<String, Label>> byItem;

    private OptionLabels(Map<String, Map<String, Label>> byItem) {
        this.byItem = byItem;
    }

    /** The labels of a questionnaire version; none when its definition is not on the class path. */
    public static OptionLabels of(String questionnaireKey, String questionnaireVersion) {
        String resource = "questionnaires/" + questionnaireKey + "-" + questionnaireVersion + ".json";
        try (InputStream in = OptionLabels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return NONE;
            }
            Map<String, Map<String, Label>> byItem = new HashMap<>();
            collect(JSON.readTree(in).path("items"), byItem);
            return new OptionLabels(Map.copyOf(byItem));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read questionnaire " + resource, e);
        }
    }

    private static void collect(JsonNode items, Map<String, Map<String, Label>> byItem) {
        for (JsonNode item : items) {
            Map<String, Label> options = new HashMap<>();
            for (JsonNode option : item.path("options")) {
                options.put(option.path("code").asText(),
                        new Label(option.path("labelSv").asText(null), option.path("labelEn").asText(null)));
            }
            if (!options.isEmpty()) {
                byItem.put(item.path("id").asText(), Map.copyOf(options));
            }
            collect(item.path("items"), byItem);
        }
    }

    /** The label of an option code of an item, if the item is a choice that has it. */
    public Optional<Label> label(String itemId, String code) {
        return Optional.ofNullable(byItem.getOrDefault(itemId, Map.of()).get(code));
    }
}
