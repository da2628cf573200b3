package se.alfmonitor.survey.questionnaire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The condition under which an item is shown: the answer of {@code item} (or of any of {@code anyItem}) is one of
 * {@code anyOf}; for a multiple choice, any of its selected codes counts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnabledWhen(String item, List<String> anyItem, List<String> anyOf) {

    public EnabledWhen {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        anyItem = anyItem == null ? List.of() : List.copyOf(anyItem);
    }

    /** Every item the condition looks at. */
    public List<String> sources() {
        return item != null ? List.of(item) : anyItem;
    }
}
