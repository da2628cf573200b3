package se.alfmonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the deployment files of the repository for the structure tests: the repository root, YAML (one or several
 * documents per file), the topics of the integration contract and container image references.
 */
final class DeployFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** The four services with their HTTP ports and database names, as README.md and docs/contract.md fix them. */
    static final Map<String, Integer> SERVICE_PORTS = orderedMap(
            "survey-service", 8081, "assessment-service", 8082, "indicator-service", 8083, "reporting-service", 8084);

    /** The topics of the integration contract (docs/contract.md, "Kafka topics"); checked against the document. */
    static final List<String> CONTRACT_TOPICS = List.of(
            "alf.units.v1", "alf.submissions.v1", "alf.assessments.v1", "alf.indicators.v1");
    /** The one compacted topic of the contract. */
    static final String COMPACTED_TOPIC = "alf.indicators.v1";

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private static Path root;

    private DeployFiles() {
    }

    /**
     * The repository root: the system property {@code alf.repository.root} if set, otherwise the nearest folder
     * upwards from the working directory (the module folder under Maven) that holds {@code deploy/} and a pom.
     */
    static synchronized Path root() {
        if (root == null) {
            String configured = System.getProperty("alf.repository.root");
            if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "deploy"))) {
                root = Path.of(configured).toAbsolutePath().normalize();
            } else {
                Path dir = Path.of("").toAbsolutePath();
                while (dir != null && !(Files.isDirectory(dir.resolve("deploy"))
                        && Files.isRegularFile(dir.resolve("pom.xml")))) {
                    dir = dir.getParent();
                }
                if (dir == null) {
                    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath()
                            + "; set -Dalf.repository.root");
                }
                root = dir;
            }
        }
        return root;
    }

    static Path path(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + root().relativize(file), e);
        }
    }

    /** Every non-empty YAML document of a file. */
    static List<JsonNode> readYamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + root().relativize(file), e);
        }
        return documents;
    }

    static JsonNode readYaml(Path file) {
        List<JsonNode> documents = readYamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(root().relativize(file) + " has " + documents.size() + " documents");
        }
        return documents.get(0);
    }

    /** Every {@code .yaml} and {@code .yml} file below a folder, sorted. */
    static List<Path> yamlFilesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topic names of the table in docs/contract.md, section "Kafka topics", in document order. */
    static List<String> topicsOfContractDocument() {
        String contract = read(path("docs", "contract.md"));
        int section = contract.indexOf("## Kafka topics");
        if (section < 0) {
            throw new IllegalStateException("docs/contract.md has no section \"Kafka topics\"");
        }
        List<String> topics = new ArrayList<>();
        Pattern row = Pattern.compile("^\\| `([a-z0-9.]+)`", Pattern.MULTILINE);
        String rest = contract.substring(section);
        int next = rest.indexOf("\n## ", 3);
        Matcher m = row.matcher(next < 0 ? rest : rest.substring(0, next));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** The contract's topics followed by their dead-letter topics. */
    static List<String> contractTopicsWithDeadLetters() {
        List<String> all = new ArrayList<>(CONTRACT_TOPICS);
        CONTRACT_TOPICS.forEach(t -> all.add(t + ".dlq"));
        return all;
    }

    /** Replaces compose-style {@code ${VAR:-default}} by its default (and {@code $$} by {@code $}). */
    static String withDefaults(String text) {
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** Names of the variables a text interpolates ({@code ${NAME}}, {@code ${NAME:-x}}), ignoring {@code $${...}}. */
    static List<String> interpolatedVariables(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = INTERPOLATION.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && text.charAt(m.start() - 1) == '$') {
                continue;
            }
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Why an image reference is not pinned, or null if it is: it needs an explicit tag other than {@code latest}
     * (or a digest). Compose interpolation is resolved to its defaults first.
     */
    static String unpinnedReason(String image) {
        String resolved = withDefaults(image.trim());
        if (resolved.contains("@sha256:")) {
            return null;
        }
        int slash = resolved.lastIndexOf('/');
        int colon = resolved.lastIndexOf(':');
        if (colon < 0 || colon < slash) {
            return "no tag";
        }
        String tag = resolved.substring(colon + 1);
        if (tag.isBlank()) {
            return "empty tag";
        }
        if (tag.equalsIgnoreCase("latest")) {
            return "tag latest";
        }
        return null;
    }

    /** Every value of a field named {@code image} or {@code imageName} anywhere in a document, with its path. */
    static Map<String, String> images(JsonNode document) {
        Map<String, String> found = new LinkedHashMap<>();
        collectImages(document, "", found);
        return found;
    }

    private static void collectImages(JsonNode node, String at, Map<String, String> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String here = at + "/" + field.getKey();
                if ((field.getKey().equals("image") || field.getKey().equals("imageName"))
                        && field.getValue().isTextual()) {
                    found.put(here, field.getValue().asText());
                } else {
                    collectImages(field.getValue(), here, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectImages(node.get(i), at + "/" + i, found);
            }
        }
    }

    /** Every object found under a field with the given name, anywhere in a document, with its path. */
    static Map<String, JsonNode> fieldsNamed(JsonNode node, String name) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        collectFields(node, "", name, found);
        return found;
    }

    private static void collectFields(JsonNode node, String at, String name, Map<String, JsonNode> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String here = at + "/" + field.getKey();
                if (field.getKey().equals(name)) {
                    found.put(here, field.getValue());
                }
                collectFields(field.getValue(), here, name, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFields(node.get(i), at + "/" + i, name, found);
            }
        }
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }
}
