package se.alfmonitor.survey.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published questionnaire versions, loaded once from the definitions shipped with the service. Nothing can change
 * a loaded version: a change to a questionnaire is a new version in a new file.
 */
public class QuestionnaireRegistry {

    private final Map<String, QuestionnaireDefinition.Published> byKeyAndVersion;

    private QuestionnaireRegistry(Map<String, QuestionnaireDefinition.Published> byKeyAndVersion) {
        this.byKeyAndVersion = Collections.unmodifiableMap(byKeyAndVersion);
    }

    /** Reads the definitions from the class path; fails on a definition that is not internally consistent. */
    public static QuestionnaireRegistry load(List<String> resources) {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, QuestionnaireDefinition.Published> loaded = new LinkedHashMap<>();
        for (String resource : resources) {
            try (InputStream in = QuestionnaireRegistry.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No questionnaire definition " + resource + " on the class path");
                }
                JsonNode document = mapper.readTree(in);
                QuestionnaireDefinition definition = mapper.treeToValue(document, QuestionnaireDefinition.class);
                List<String> problems = check(definition);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Questionnaire definition " + resource + " is inconsistent: "
                            + problems);
                }
                String id = id(definition.key(), definition.version());
                if (loaded.putIfAbsent(id, new QuestionnaireDefinition.Published(definition, document)) != null) {
                    throw new IllegalStateException("Questionnaire " + id + " is defined twice");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read questionnaire definition " + resource, e);
            }
        }
        return new QuestionnaireRegistry(loaded);
    }

    public List<QuestionnaireDefinition.Published> all() {
        return List.copyOf(byKeyAndVersion.values());
    }

    public Optional<QuestionnaireDefinition.Published> find(String key, String version) {
        return Optional.ofNullable(byKeyAndVersion.get(id(key, version)));
    }

    private static String id(String key, String version) {
        return key + "/" + version;
    }

    /** What the validator relies on: unique ids, typed items, conditions on existing items without cycles. */
    static List<String> check(QuestionnaireDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (definition.key() == null || definition.version() == null || definition.level() == null) {
            problems.add("key, version and level are required");
        }
        Set<String> ids = new HashSet<>();
        checkItems(definition.items(), ids, problems);
        Map<String, Item> answerable = definition.answerable();
        for (Item item : answerable.values()) {
            if (item.enabledWhen() == null) {
                continue;
            }
            if (item.enabledWhen().sources().isEmpty() || item.enabledWhen().anyOf().isEmpty()) {
                problems.add(item.id() + ": enabledWhen needs item or anyItem, and anyOf");
            }
            for (String source : item.enabledWhen().sources()) {
                Item sourceItem = answerable.get(source);
                if (sourceItem == null) {
                    problems.add(item.id() + ": enabledWhen refers to unknown item " + source);
                } else {
                    for (String code : item.enabledWhen().anyOf()) {
                        if (sourceItem.option(code).isEmpty()) {
                            problems.add(item.id() + ": enabledWhen code " + code + " is no option of " + source);
                        }
                    }
                }
            }
            if (reachesItself(item, answerable, new HashSet<>())) {
                problems.add(item.id() + ": enabledWhen conditions form a cycle");
            }
        }
        for (Item item : answerable.values()) {
            checkTyped(item, item.id(), null, answerable, problems);
            for (Item column : item.columns()) {
                checkTyped(column, item.id() + "/" + column.id(), item.id(), answerable, problems);
            }
        }
        return problems;
    }

    /**
     * A REFERENCE names a TABLE item of the same questionnaire (not its own table) and a TEXT column that is that
     * table's one unique column, so that a key names exactly one row; {@code format} is DECIMAL on TEXT only.
     */
    private static void checkTyped(Item item, String path, String ownTable, Map<String, Item> answerable,
            List<String> problems) {
        if (item.format() != null && !(Item.DECIMAL.equals(item.format()) && item.type() == ItemType.TEXT)) {
            problems.add(path + ": format " + item.format() + " is not known for " + item.type());
        }
        if (item.type() != ItemType.REFERENCE) {
            if (item.references() != null || item.multiple() != null) {
                problems.add(path + ": references and multiple belong to REFERENCE items");
            }
            return;
        }
        Item.Reference target = item.references();
        if (target == null || target.item() == null || target.column() == null) {
            problems.add(path + ": a REFERENCE needs references {item, column}");
            return;
        }
        Item table = answerable.get(target.item());
        if (table == null || table.type() != ItemType.TABLE || target.item().equals(ownTable)) {
            problems.add(path + ": references " + target.item() + ", which is no other TABLE item");
            return;
        }
        Item column = table.column(target.column()).orElse(null);
        if (column == null || column.type() != ItemType.TEXT) {
            problems.add(path + ": references " + target.item() + "/" + target.column() + ", which is no TEXT column");
        } else if (!table.uniqueColumns().equals(List.of(target.column()))) {
            problems.add(path + ": " + target.column() + " must be the only unique column of " + target.item());
        }
    }

    private static void checkItems(List<Item> items, Set<String> ids, List<String> problems) {
        for (Item item : items) {
            if (item.id() == null || item.type() == null) {
                problems.add("an item without id or type: " + item.id());
                continue;
            }
            if (!ids.add(item.id())) {
                problems.add(item.id() + ": id used twice");
            }
            Set<String> codes = new HashSet<>();
            for (Option option : item.options()) {
                if (!codes.add(option.code())) {
                    problems.add(item.id() + ": option code " + option.code() + " used twice");
                }
            }
            boolean needsOptions = item.type() == ItemType.SINGLE_CHOICE || item.type() == ItemType.MULTI_CHOICE
                    || item.type() == ItemType.YEARLY_CHOICE;
            if (needsOptions && item.options().isEmpty()) {
                problems.add(item.id() + ": a choice item needs options");
            }
            if ((item.type() == ItemType.YEARLY_CHOICE || item.type() == ItemType.YEARLY_INTEGER)
                    && item.years().isEmpty()) {
                problems.add(item.id() + ": a yearly item needs years");
            }
            if (item.type() == ItemType.TABLE) {
                if (item.columns().isEmpty()) {
                    problems.add(item.id() + ": a table needs columns");
                }
                Set<String> columnIds = new HashSet<>();
                for (Item column : item.columns()) {
                    if (!columnIds.add(column.id())) {
                        problems.add(item.id() + ": column " + column.id() + " used twice");
                    }
                    if (column.type() == ItemType.GROUP || column.type() == ItemType.TABLE) {
                        problems.add(item.id() + ": column " + column.id() + " cannot be a " + column.type());
                    }
                }
                for (String unique : item.uniqueColumns()) {
                    if (!columnIds.contains(unique)) {
                        problems.add(item.id() + ": uniqueColumns names unknown column " + unique);
                    }
                }
            }
            if (item.type() == ItemType.GROUP) {
                checkItems(item.items(), ids, problems);
            }
        }
    }

    private static boolean reachesItself(Item start, Map<String, Item> items, Set<String> visiting) {
        Item current = start;
        List<Item> queue = new ArrayList<>(List.of(current));
        while (!queue.isEmpty()) {
            Item next = queue.remove(0);
            if (next.enabledWhen() == null) {
                continue;
            }
            for (String source : next.enabledWhen().sources()) {
                if (source.equals(start.id())) {
                    return true;
                }
                Item sourceItem = items.get(source);
                if (sourceItem != null && visiting.add(source)) {
                    queue.add(sourceItem);
                }
            }
        }
        return false;
    }
}
