package se.alfmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Structure of {@code deploy/compose/docker-compose.yml}: it parses, every long-running container has a health check
 * and is waited for by its health, images are pinned, secrets appear only as documented demo defaults, the services
 * are configured through environment variables only, and {@code kafka-init} creates exactly the contract's topics.
 * There is no container engine where this runs; the file is checked as data.
 */
class ComposeFileTest {

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(.*_)?(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIALS?|API_KEY|PRIVATE_KEY)");
    private static final Pattern DEMO_DEFAULT = Pattern.compile("^\\$\\{([A-Z0-9_]+):-([^}]*)}$");
    private static final Pattern TOPIC_LINE = Pattern.compile(
            "--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)((?:\\s+--config\\s+\\S+)*)");

    private static Path composeFile;
    private static String composeText;
    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void parse() {
        composeFile = DeployFiles.path("deploy", "compose", "docker-compose.yml");
        composeText = DeployFiles.read(composeFile);
        compose = DeployFiles.readYaml(composeFile);
        services = compose.path("services");
    }

    @Test
    void runsTheInfrastructureAndTheFourServices() {
        assertThat(fieldNames(services)).contains("postgres", "kafka", "kafka-init", "keycloak")
                .containsAll(DeployFiles.SERVICE_PORTS.keySet());
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:17");
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.1.1");
        assertThat(services.path("keycloak").path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(services.path("keycloak").path("command").toString())
                .contains("start-dev").contains("--import-realm");
        assertThat(services.path("keycloak").path("volumes").toString())
                .contains("../keycloak/alf-monitor-realm.json:/opt/keycloak/data/import/");
        assertThat(DeployFiles.path("deploy", "keycloak", "alf-monitor-realm.json")).isRegularFile();
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndDependenciesWaitForIt() {
        Set<String> oneShots = oneShotServices();
        assertThat(oneShots).containsExactly("kafka-init");
        SoftAssertions softly = new SoftAssertions();
        for (String name : fieldNames(services)) {
            JsonNode service = services.get(name);
            if (!oneShots.contains(name)) {
                JsonNode healthcheck = service.path("healthcheck");
                softly.assertThat(healthcheck.path("test").isMissingNode() || healthcheck.path("disable").asBoolean())
                        .as("%s has a healthcheck", name).isFalse();
                softly.assertThat(healthcheck.path("test").toString()).as("%s healthcheck", name)
                        .doesNotContain("NONE");
            }
            JsonNode dependsOn = service.path("depends_on");
            softly.assertThat(dependsOn.isArray()).as("%s: depends_on with conditions, not a plain list", name)
                    .isFalse();
            for (String target : fieldNames(dependsOn)) {
                softly.assertThat(services.has(target)).as("%s depends on unknown %s", name, target).isTrue();
                String expected = oneShots.contains(target) ? "service_completed_successfully" : "service_healthy";
                softly.assertThat(dependsOn.get(target).path("condition").asText())
                        .as("%s waits for %s", name, target).isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    @Test
    void theServicesAreBuiltFromTheirDockerfileAndWaitForTheWholePlatform() {
        SoftAssertions softly = new SoftAssertions();
        DeployFiles.SERVICE_PORTS.forEach((name, port) -> {
            JsonNode service = services.path(name);
            Path context = composeFile.getParent().resolve(service.path("build").path("context").asText()).normalize();
            softly.assertThat(context).as("%s build context", name).isEqualTo(DeployFiles.path(name));
            softly.assertThat(service.path("build").path("dockerfile").asText()).as("%s dockerfile", name)
                    .isEqualTo("src/main/docker/Dockerfile.jvm");
            softly.assertThat(context.resolve("src/main/docker/Dockerfile.jvm")).as("%s Dockerfile.jvm", name)
                    .isRegularFile();
            softly.assertThat(fieldNames(service.path("depends_on"))).as("%s depends on", name)
                    .contains("postgres", "kafka-init", "keycloak");
            softly.assertThat(service.path("healthcheck").path("test").toString()).as("%s healthcheck", name)
                    .contains("http://localhost:" + port + "/q/health/ready");
            softly.assertThat(service.path("ports").toString()).as("%s ports", name).contains(port + ":" + port);
            softly.assertThat(service.path("deploy").path("resources").path("limits").path("memory").asText())
                    .as("%s memory limit", name).isNotBlank();
        });
        softly.assertAll();
    }

    @Test
    void theServicesAreConfiguredOnlyThroughEnvironmentVariables() {
        SoftAssertions softly = new SoftAssertions();
        DeployFiles.SERVICE_PORTS.forEach((name, port) -> {
            JsonNode service = services.path(name);
            Map<String, String> env = environment(service);
            String database = "alf_" + name.substring(0, name.indexOf('-'));
            softly.assertThat(env).as("%s environment", name).containsKeys("QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                    "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER");
            softly.assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as("%s database", name)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            softly.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as("%s database role", name).isEqualTo(database);
            softly.assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).as("%s OIDC", name)
                    .endsWith("/realms/alf-monitor");
            softly.assertThat(DeployFiles.withDefaults(env.getOrDefault("QUARKUS_OIDC_TOKEN_ISSUER", "")))
                    .as("%s token issuer", name).isEqualTo("http://localhost:8180/realms/alf-monitor");
            softly.assertThat(service.has("volumes")).as("%s mounts no configuration files", name).isFalse();
            softly.assertThat(service.has("env_file")).as("%s uses no env_file", name).isFalse();
        });
        assertThat(environment(services.path("survey-service"))).containsKey("ALF_DEMO_DATA");
        softly.assertAll();
    }

    @Test
    void oneDatabasePerServiceIsCreatedByTheInitScript() {
        Path init = DeployFiles.path("deploy", "compose", "postgres-init", "01-create-databases.sh");
        assertThat(init).isRegularFile();
        assertThat(Files.isExecutable(init)).as("init script is executable").isTrue();
        String script = DeployFiles.read(init);
        Map<String, String> postgresEnv = environment(services.path("postgres"));
        SoftAssertions softly = new SoftAssertions();
        for (String name : DeployFiles.SERVICE_PORTS.keySet()) {
            String database = "alf_" + name.substring(0, name.indexOf('-'));
            softly.assertThat(script).as("creates %s", database)
                    .containsPattern("create_database\\s+" + database + "\\s");
            String passwordVariable = "ALF_" + name.substring(0, name.indexOf('-')).toUpperCase() + "_DB_PASSWORD";
            softly.assertThat(script).as("reads %s", passwordVariable).contains(passwordVariable);
            softly.assertThat(postgresEnv.get(passwordVariable)).as("postgres gets %s", passwordVariable)
                    .isEqualTo(environment(services.path(name)).get("QUARKUS_DATASOURCE_PASSWORD"));
        }
        softly.assertThat(script).containsPattern("create_database\\s+keycloak\\s");
        softly.assertThat(environment(services.path("keycloak")).get("KC_DB_URL")).endsWith("/keycloak");
        softly.assertThat(services.path("postgres").path("volumes").toString())
                .contains("./postgres-init:/docker-entrypoint-initdb.d");
        softly.assertAll();
    }

    @Test
    void noImageUsesLatestOrNoTag() {
        Map<String, String> images = DeployFiles.images(compose);
        assertThat(images).hasSizeGreaterThanOrEqualTo(services.size());
        SoftAssertions softly = new SoftAssertions();
        images.forEach((at, image) -> softly.assertThat(DeployFiles.unpinnedReason(image))
                .as("%s: %s", at, image).isNull());
        softly.assertAll();
    }

    @Test
    void secretsAppearOnlyAsDocumentedDemoDefaults() {
        String readme = DeployFiles.read(DeployFiles.path("deploy", "compose", "README.md"));
        String envExample = DeployFiles.read(DeployFiles.path("deploy", "compose", ".env.example"));
        List<String> secretEntries = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (String name : fieldNames(services)) {
            environment(services.get(name)).forEach((key, value) -> {
                if (!SECRET_KEY.matcher(key).matches()) {
                    return;
                }
                secretEntries.add(name + "." + key);
                Matcher m = DEMO_DEFAULT.matcher(value);
                softly.assertThat(m.matches()).as("%s %s is ${VARIABLE:-demo-default}, not %s", name, key, value)
                        .isTrue();
                if (m.matches()) {
                    String variable = m.group(1);
                    String demoDefault = m.group(2);
                    softly.assertThat(demoDefault).as("%s default", variable).endsWith("-demo");
                    softly.assertThat(readme).as("README documents %s", variable)
                            .contains("`" + variable + "`").contains("`" + demoDefault + "` (**demo only**)");
                    softly.assertThat(envExample).as(".env.example lists %s", variable)
                            .contains(variable + "=" + demoDefault);
                }
            });
        }
        softly.assertThat(secretEntries).as("secret settings found").hasSizeGreaterThanOrEqualTo(6);
        // no credentials hidden in commands or URLs either
        softly.assertThat(composeText).doesNotContainPattern("(?i)password=\\w")
                .doesNotContainPattern("://[^/\\s:@]+:[^/\\s@]+@")
                .doesNotContain("-secret");
        softly.assertAll();
    }

    @Test
    void everyVariableIsListedInTheEnvExampleAndTheReadme() {
        String readme = DeployFiles.read(DeployFiles.path("deploy", "compose", "README.md"));
        String envExample = DeployFiles.read(DeployFiles.path("deploy", "compose", ".env.example"));
        // the values of the parsed file, so that comments do not count
        Set<String> variables = new LinkedHashSet<>();
        textValues(compose, variables);
        assertThat(variables).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (String variable : variables) {
            softly.assertThat(envExample).as(".env.example lists %s", variable).containsPattern(
                    "(?m)^" + variable + "=");
            softly.assertThat(readme).as("README documents %s", variable).contains("`" + variable + "`");
        }
        softly.assertAll();
    }

    @Test
    void kafkaInitCreatesExactlyTheContractTopicsAndTheirDeadLetterTopics() {
        assertThat(DeployFiles.topicsOfContractDocument()).as("topics of docs/contract.md")
                .containsExactlyElementsOf(DeployFiles.CONTRACT_TOPICS);
        JsonNode init = services.path("kafka-init");
        assertThat(init.path("image").asText()).isEqualTo(services.path("kafka").path("image").asText());
        assertThat(environment(services.path("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");

        Map<String, Integer> partitions = new LinkedHashMap<>();
        Map<String, String> configs = new LinkedHashMap<>();
        Matcher m = TOPIC_LINE.matcher(text(init.path("entrypoint")) + "\n" + text(init.path("command")));
        while (m.find()) {
            assertThat(partitions).as("%s created once", m.group(1)).doesNotContainKey(m.group(1));
            partitions.put(m.group(1), Integer.parseInt(m.group(2)));
            configs.put(m.group(1), m.group(3));
        }
        assertThat(partitions.keySet()).containsExactlyInAnyOrderElementsOf(DeployFiles.contractTopicsWithDeadLetters());

        SoftAssertions softly = new SoftAssertions();
        for (String topic : DeployFiles.CONTRACT_TOPICS) {
            softly.assertThat(partitions.get(topic)).as("%s partitions", topic).isEqualTo(3);
            if (topic.equals(DeployFiles.COMPACTED_TOPIC)) {
                softly.assertThat(configs.get(topic)).as("%s compacted", topic).contains("cleanup.policy=compact");
            } else {
                softly.assertThat(configs.get(topic)).as("%s not compacted", topic).doesNotContain("compact");
            }
            softly.assertThat(configs.get(topic + ".dlq")).as("%s.dlq keeps every message", topic)
                    .doesNotContain("compact").contains("retention.ms=");
            softly.assertThat(configs.get(topic)).as("%s retention stated", topic).contains("retention.ms=");
        }
        softly.assertThat(text(init.path("command"))).contains("--if-not-exists");
        softly.assertAll();
    }

    /** Services that run once and exit: restart "no" and only ever waited for with service_completed_successfully. */
    private static Set<String> oneShotServices() {
        Set<String> oneShots = new LinkedHashSet<>();
        for (String name : fieldNames(services)) {
            if ("no".equals(services.get(name).path("restart").asText())) {
                oneShots.add(name);
            }
        }
        return oneShots;
    }

    private static void textValues(JsonNode node, Set<String> variables) {
        if (node.isTextual()) {
            variables.addAll(DeployFiles.interpolatedVariables(node.asText()));
        }
        node.forEach(child -> textValues(child, variables));
    }

    /** A command or entrypoint as text, whether a string or a list of strings. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(part -> parts.add(part.asText()));
            return String.join("\n", parts);
        }
        return node.asText();
    }

    /** The environment of a service, whether written as a map or as a list of KEY=value. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(entry -> {
                String text = entry.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        }
        return env;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
