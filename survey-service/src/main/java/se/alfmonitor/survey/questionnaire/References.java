package se.alfmonitor.survey.questionnaire;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import se.alfmonitor.contract.problem.FieldError;

/**
 * Whether every REFERENCE of an answer set names a row of the table it points to: a REFERENCE item (or a REFERENCE
 * column of a table) holds the value of the target table's key column, e.g. a {@code docId} of a document register.
 * A key no row has is {@code UNKNOWN_REFERENCE}. Only keys that are well typed are looked up; the validator reports
 * the others. Checked for complete answer sets only, since a draft may cite a row it has not written yet.
 */
final class References {

    private References() {
    }

    static void check(Map<String, Item> items, JsonNode answers, String root, List<FieldError> errors) {
        Map<Item.Reference, Set<String>> keysByTarget = new HashMap<>();
        for (Item item : items.values()) {
            JsonNode answer = answers.path(item.id());
            String pointer = root + "/" + AnswerValidator.escape(item.id());
            if (item.type() == ItemType.REFERENCE && !answer.isMissingNode()) {
                check(item, answer, pointer, keys(item.references(), answers, keysByTarget), errors);
            } else if (item.type() == ItemType.TABLE && answer.isArray()) {
                for (Item column : item.columns()) {
                    if (column.type() != ItemType.REFERENCE) {
                        continue;
                    }
                    Set<String> keys = keys(column.references(), answers, keysByTarget);
                    for (int i = 0; i < answer.size(); i++) {
                        JsonNode cell = answer.get(i).path(column.id());
                        if (!cell.isMissingNode()) {
                            check(column, cell, pointer + "/" + i + "/" + AnswerValidator.escape(column.id()), keys,
                                    errors);
                        }
                    }
                }
            }
        }
    }

    private static void check(Item item, JsonNode value, String pointer, Set<String> keys, List<FieldError> errors) {
        if (value.isTextual()) {
            known(item, value.textValue(), pointer, keys, errors);
        } else if (value.isArray() && item.isMultiple()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isTextual()) {
                    known(item, value.get(i).textValue(), pointer + "/" + i, keys, errors);
                }
            }
        }
    }

    private static void known(Item item, String key, String pointer, Set<String> keys, List<FieldError> errors) {
        if (!key.isBlank() && !keys.contains(key)) {
            errors.add(new FieldError("UNKNOWN_REFERENCE", pointer, "'" + key + "' is the " + item.references().column()
                    + " of no row of " + item.references().item()));
        }
    }

    /** The key column's values of the rows of the target table, as answered. */
    private static Set<String> keys(Item.Reference target, JsonNode answers, Map<Item.Reference, Set<String>> cache) {
        return cache.computeIfAbsent(target, t -> {
            Set<String> keys = new HashSet<>();
            for (JsonNode row : answers.path(t.item())) {
                JsonNode key = row.path(t.column());
                if (key.isTextual()) {
                    keys.add(key.textValue());
                }
            }
            return keys;
        });
    }
}
