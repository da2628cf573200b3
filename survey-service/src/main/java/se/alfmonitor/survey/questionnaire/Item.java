package se.alfmonitor.survey.questionnaire;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One item of a questionnaire definition, or one column of a TABLE item. Only what validation needs is typed here;
 * the definition is served to clients as written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Item(
        String id,
        ItemType type,
        Boolean required,
        String textSv,
        String textEn,
        List<Option> options,
        List<String> years,
        Long min,
        Long max,
        Boolean allowNoData,
        Integer maxLength,
        EnabledWhen enabledWhen,
        List<Item> columns,
        List<Item> items,
        Integer minRows,
        Integer maxRows,
        List<String> uniqueColumns,
        Reference references,
        Boolean multiple,
        String format) {

    /** The format {@code DECIMAL} of a TEXT item: a decimal number with {@code .} or {@code ,} as the separator. */
    public static final String DECIMAL = "DECIMAL";

    /**
     * Where a REFERENCE item points: the key column {@code column} of the TABLE item {@code item} of the same answer
     * set. An answer names one row by that column's value (an array of them when {@code multiple}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(String item, String column) {
    }

    public Item {
        options = options == null ? List.of() : List.copyOf(options);
        years = years == null ? List.of() : List.copyOf(years);
        columns = columns == null ? List.of() : List.copyOf(columns);
        items = items == null ? List.of() : List.copyOf(items);
        uniqueColumns = uniqueColumns == null ? List.of() : List.copyOf(uniqueColumns);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    /** Whether {@code null} is an answer ("Uppgift saknas", no data), distinct from 0. */
    public boolean noDataAllowed() {
        return Boolean.TRUE.equals(allowNoData);
    }

    /** Whether a REFERENCE takes an array of keys rather than one. */
    public boolean isMultiple() {
        return Boolean.TRUE.equals(multiple);
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public Optional<Item> column(String columnId) {
        return columns.stream().filter(c -> c.id().equals(columnId)).findFirst();
    }
}
