package se.alfmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Structure of every manifest under {@code deploy/kubernetes/}: each file parses (several documents per file), the
 * Strimzi topics match the integration contract, every CloudNativePG cluster is replicated, images are pinned,
 * workloads have resource limits and no secret value is committed. The Deployments that {@code quarkus-kubernetes}
 * generates into {@code <service>/target/kubernetes/} are checked too once a build has produced them.
 */
class KubernetesManifestsTest {

    private static final String KAFKA_CLUSTER = "alf-kafka";

    /** Every document of every manifest, keyed by "file#index". */
    private static Map<String, JsonNode> documents;

    @BeforeAll
    static void parseEverything() {
        documents = new LinkedHashMap<>();
        List<Path> files = DeployFiles.yamlFilesUnder(DeployFiles.path("deploy", "kubernetes"));
        assertThat(files).as("manifests under deploy/kubernetes").isNotEmpty();
        for (Path file : files) {
            List<JsonNode> docs = DeployFiles.readYamlDocuments(file);
            assertThat(docs).as("%s has documents", file.getFileName()).isNotEmpty();
            for (int i = 0; i < docs.size(); i++) {
                documents.put(DeployFiles.root().relativize(file) + "#" + i, docs.get(i));
            }
        }
    }

    @Test
    void everyDocumentIsAKubernetesObjectWithAName() {
        SoftAssertions softly = new SoftAssertions();
        documents.forEach((where, doc) -> {
            softly.assertThat(doc.path("apiVersion").asText()).as("%s apiVersion", where).isNotBlank();
            softly.assertThat(doc.path("kind").asText()).as("%s kind", where).isNotBlank();
            if (!doc.path("kind").asText().equals("Kustomization")) {
                softly.assertThat(doc.path("metadata").path("name").asText()).as("%s name", where)
                        .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            }
        });
        softly.assertAll();
    }

    @Test
    void theKustomizationAppliesEveryPlatformManifestButTheSecretExamples() {
        Path platform = DeployFiles.path("deploy", "kubernetes", "platform");
        JsonNode kustomization = DeployFiles.readYaml(platform.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        for (Path file : DeployFiles.yamlFilesUnder(platform)) {
            String name = platform.relativize(file).toString();
            if (!name.equals("kustomization.yaml") && !name.endsWith(".example.yaml")) {
                present.add(name);
            }
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void kafkaRunsInKraftModeOnANodePool() {
        List<JsonNode> kafkas = ofKind("Kafka");
        assertThat(kafkas).hasSize(1);
        JsonNode kafka = kafkas.get(0);
        assertThat(kafka.path("metadata").path("name").asText()).isEqualTo(KAFKA_CLUSTER);
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText())
                .isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("spec").path("kafka").path("version").asText()).startsWith("4.1");
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);

        List<JsonNode> pools = ofKind("KafkaNodePool");
        assertThat(pools).isNotEmpty();
        Set<String> roles = new TreeSet<>();
        int brokers = 0;
        for (JsonNode pool : pools) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(KAFKA_CLUSTER);
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
            assertThat(pool.path("spec").path("storage").toString()).as("persistent storage")
                    .contains("persistent-claim");
            assertThat(pool.path("spec").path("resources").path("limits").path("memory").asText()).isNotBlank();
        }
        assertThat(roles).contains("controller", "broker");
        assertThat(brokers).as("brokers, enough for replication factor 3").isGreaterThanOrEqualTo(3);
    }

    @Test
    void kafkaTopicsMatchTheContract() {
        assertThat(DeployFiles.topicsOfContractDocument()).as("topics of docs/contract.md")
                .containsExactlyElementsOf(DeployFiles.CONTRACT_TOPICS);
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertThat(topics).as("%s defined once", name).doesNotContainKey(name);
            topics.put(name, topic);
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(DeployFiles.contractTopicsWithDeadLetters());

        SoftAssertions softly = new SoftAssertions();
        topics.forEach((name, topic) -> {
            JsonNode spec = topic.path("spec");
            JsonNode config = spec.path("config");
            boolean deadLetters = name.endsWith(".dlq");
            softly.assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("%s cluster", name).isEqualTo(KAFKA_CLUSTER);
            softly.assertThat(spec.path("partitions").asInt()).as("%s partitions", name)
                    .isEqualTo(deadLetters ? 3 : 12);
            softly.assertThat(spec.path("replicas").asInt()).as("%s replicas", name).isEqualTo(3);
            softly.assertThat(config.path("min.insync.replicas").asInt()).as("%s min ISR", name).isEqualTo(2);
            softly.assertThat(config.has("retention.ms")).as("%s retention stated", name).isTrue();
            String policy = config.path("cleanup.policy").asText("delete");
            softly.assertThat(policy).as("%s cleanup policy", name)
                    .isEqualTo(name.equals(DeployFiles.COMPACTED_TOPIC) ? "compact" : "delete");
        });
        softly.assertAll();
    }

    @Test
    void everyDatabaseIsAReplicatedCloudNativePgClusterWithBackups() {
        List<JsonNode> clusters = ofKind("Cluster");
        Set<String> databases = new TreeSet<>();
        Set<String> clusterNames = new TreeSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode cluster : clusters) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode spec = cluster.path("spec");
            clusterNames.add(name);
            softly.assertThat(cluster.path("apiVersion").asText()).as(name).startsWith("postgresql.cnpg.io/");
            softly.assertThat(spec.path("instances").asInt()).as("%s instances", name).isGreaterThanOrEqualTo(2);
            softly.assertThat(spec.path("storage").path("size").asText()).as("%s storage", name).isNotBlank();
            softly.assertThat(spec.path("imageName").asText()).as("%s PostgreSQL 17", name).contains(":17");
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            softly.assertThat(initdb.path("owner").asText()).as("%s owner", name).isNotBlank();
            databases.add(initdb.path("database").asText());
            softly.assertThat(spec.path("resources").path("limits").path("memory").asText())
                    .as("%s memory limit", name).isNotBlank();
            JsonNode store = spec.path("backup").path("barmanObjectStore");
            softly.assertThat(store.path("destinationPath").asText()).as("%s backup destination", name).isNotBlank();
            softly.assertThat(store.path("s3Credentials").path("secretAccessKey").path("name").asText())
                    .as("%s backup credentials from a Secret", name).isNotBlank();
        }
        softly.assertThat(databases).as("one database per service, plus Keycloak's")
                .containsExactlyInAnyOrder("alf_survey", "alf_assessment", "alf_indicator", "alf_reporting",
                        "keycloak");
        Set<String> backedUp = new TreeSet<>();
        ofKind("ScheduledBackup").forEach(b -> backedUp.add(b.path("spec").path("cluster").path("name").asText()));
        softly.assertThat(backedUp).as("a scheduled backup per cluster").isEqualTo(clusterNames);
        softly.assertAll();
    }

    @Test
    void keycloakUsesItsOwnClusterAndImportsTheRealm() {
        List<JsonNode> keycloaks = ofKind("Keycloak");
        assertThat(keycloaks).hasSize(1);
        JsonNode keycloak = keycloaks.get(0);
        JsonNode spec = keycloak.path("spec");
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.path("image").asText()).endsWith(":26.7.3");
        assertThat(spec.path("resources").path("limits").path("memory").asText()).isNotBlank();
        String host = spec.path("db").path("host").asText();
        Set<String> clusters = new TreeSet<>();
        ofKind("Cluster").forEach(c -> clusters.add(c.path("metadata").path("name").asText()));
        assertThat(host).endsWith("-rw");
        String cluster = host.substring(0, host.length() - "-rw".length());
        assertThat(clusters).contains(cluster);
        assertThat(spec.path("db").path("passwordSecret").path("name").asText()).isEqualTo(cluster + "-app");

        List<JsonNode> imports = ofKind("KeycloakRealmImport");
        assertThat(imports).hasSize(1);
        assertThat(imports.get(0).path("spec").path("keycloakCRName").asText())
                .isEqualTo(keycloak.path("metadata").path("name").asText());
    }

    @Test
    void noImageUsesLatestOrNoTag() {
        SoftAssertions softly = new SoftAssertions();
        int count = 0;
        for (Map.Entry<String, JsonNode> doc : documents.entrySet()) {
            for (Map.Entry<String, String> image : DeployFiles.images(doc.getValue()).entrySet()) {
                count++;
                softly.assertThat(DeployFiles.unpinnedReason(image.getValue()))
                        .as("%s%s: %s", doc.getKey(), image.getKey(), image.getValue()).isNull();
            }
        }
        softly.assertThat(count).as("images found").isGreaterThan(5);
        softly.assertAll();
    }

    @Test
    void everyResourcesBlockWithRequestsHasLimits() {
        SoftAssertions softly = new SoftAssertions();
        documents.forEach((where, doc) -> DeployFiles.fieldsNamed(doc, "resources").forEach((at, resources) -> {
            if (resources.isObject() && resources.has("requests")) {
                softly.assertThat(resources.path("limits").path("memory").asText())
                        .as("%s%s memory limit", where, at).isNotBlank();
                softly.assertThat(resources.path("limits").path("cpu").asText())
                        .as("%s%s cpu limit", where, at).isNotBlank();
            }
        }));
        softly.assertAll();
    }

    @Test
    void noSecretValueIsCommitted() {
        SoftAssertions softly = new SoftAssertions();
        documents.forEach((where, doc) -> {
            if (!doc.path("kind").asText().equals("Secret")) {
                return;
            }
            softly.assertThat(where).as("Secrets only as examples").contains(".example.yaml#");
            for (String field : List.of("data", "stringData")) {
                doc.path(field).fields().forEachRemaining(e -> softly.assertThat(e.getValue().asText())
                        .as("%s %s.%s is a placeholder", where, field, e.getKey()).contains("CHANGE-ME"));
            }
        });
        // credentials of the CloudNativePG clusters are generated, never written down
        documents.forEach((where, doc) -> DeployFiles.fieldsNamed(doc, "password").forEach((at, value) ->
                softly.assertThat(value.isObject()).as("%s%s is a reference", where, at).isTrue()));
        softly.assertAll();
    }

    @Test
    void theSharedConfigMapPointsAtThePlatform() {
        JsonNode config = ofKind("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("alf-monitor-config"))
                .findFirst().orElseThrow();
        assertThat(config.path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText())
                .startsWith(KAFKA_CLUSTER + "-kafka-bootstrap:");
        assertThat(config.path("data").path("QUARKUS_OIDC_AUTH_SERVER_URL").asText())
                .startsWith("https://").endsWith("/realms/alf-monitor");
        for (JsonNode pdb : ofKind("PodDisruptionBudget")) {
            assertThat(DeployFiles.SERVICE_PORTS).containsKey(
                    pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        }
    }

    /**
     * The Deployments generated by quarkus-kubernetes from each service's application.properties. Skipped until the
     * extension is part of the build and the services have been packaged.
     */
    @Test
    void generatedServiceManifestsHaveProbesResourcesAndPinnedImages() {
        List<Path> generated = new ArrayList<>();
        for (String service : DeployFiles.SERVICE_PORTS.keySet()) {
            Path manifest = DeployFiles.path(service, "target", "kubernetes", "kubernetes.yml");
            if (Files.isRegularFile(manifest)) {
                generated.add(manifest);
            }
        }
        Assumptions.assumeFalse(generated.isEmpty(),
                "no <service>/target/kubernetes/kubernetes.yml yet (quarkus-kubernetes not in the build, or not packaged)");
        SoftAssertions softly = new SoftAssertions();
        for (Path manifest : generated) {
            String service = manifest.getParent().getParent().getParent().getFileName().toString();
            List<JsonNode> docs = DeployFiles.readYamlDocuments(manifest);
            List<JsonNode> deployments = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                    .toList();
            softly.assertThat(deployments).as("%s Deployment", service).hasSize(1);
            softly.assertThat(docs.stream().anyMatch(d -> d.path("kind").asText().equals("Service")))
                    .as("%s Service", service).isTrue();
            for (JsonNode deployment : deployments) {
                softly.assertThat(deployment.path("spec").path("replicas").asInt()).as("%s replicas", service)
                        .isGreaterThanOrEqualTo(2);
                for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                    softly.assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                            .as("%s readiness", service).isEqualTo("/q/health/ready");
                    softly.assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                            .as("%s liveness", service).isEqualTo("/q/health/live");
                    softly.assertThat(container.path("resources").path("limits").path("memory").asText())
                            .as("%s memory limit", service).isNotBlank();
                    softly.assertThat(DeployFiles.unpinnedReason(container.path("image").asText()))
                            .as("%s image %s", service, container.path("image").asText()).isNull();
                    softly.assertThat(container.path("env").toString()).as("%s secrets by reference", service)
                            .doesNotContainPattern("\"name\":\"QUARKUS_DATASOURCE_PASSWORD\",\"value\"");
                }
            }
        }
        softly.assertAll();
    }

    private static List<JsonNode> ofKind(String kind) {
        return documents.values().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
}
