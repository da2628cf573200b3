package se.alfmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The broker in production lets each service do exactly what the contract's table "what it may do on the broker"
 * (docs/contract.md) gives it: one KafkaUser per service with those ACLs and no others, no listener without
 * authentication, and a NetworkPolicy per service that lets it reach the brokers and nothing it does not need.
 */
class KafkaAccessTest {

    /** One service's row of the contract's table. */
    private record Access(List<String> writes, List<String> reads, String group) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static Map<String, Access> contract;
    private static List<JsonNode> manifests;

    @BeforeAll
    static void read() {
        contract = accessTable(DeployFiles.read(DeployFiles.path("docs", "contract.md")));
        manifests = new ArrayList<>();
        for (Path file : DeployFiles.yamlFilesUnder(DeployFiles.path("deploy", "kubernetes"))) {
            manifests.addAll(DeployFiles.readYamlDocuments(file));
        }
    }

    @Test
    void theContractGivesEveryServiceARowAndEveryTopicOneWriter() {
        assertThat(contract.keySet()).containsExactlyElementsOf(DeployFiles.SERVICE_PORTS.keySet());
        for (String topic : DeployFiles.CONTRACT_TOPICS) {
            assertThat(contract.values().stream().filter(a -> a.writes().contains(topic)).count())
                    .as("writers of %s", topic).isEqualTo(1);
        }
        contract.forEach((service, access) -> {
            for (String read : access.reads()) {
                assertThat(access.writes()).as("%s parks what it cannot read of %s", service, read)
                        .contains(read + ".dlq");
            }
            assertThat(DeployFiles.contractTopicsWithDeadLetters()).as("%s's topics", service)
                    .containsAll(access.writes()).containsAll(access.reads());
        });
    }

    @Test
    void eachServiceIsAKafkaUserWithExactlyTheAclsOfTheContract() {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        ofKind("KafkaUser").forEach(u -> users.put(u.path("metadata").path("name").asText(), u));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(contract.keySet());

        SoftAssertions softly = new SoftAssertions();
        users.forEach((service, user) -> {
            JsonNode spec = user.path("spec");
            softly.assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("%s cluster", service).isEqualTo("alf-kafka");
            softly.assertThat(spec.path("authentication").path("type").asText()).as("%s authentication", service)
                    .isEqualTo("scram-sha-512");
            softly.assertThat(spec.path("authorization").path("type").asText()).as("%s authorization", service)
                    .isEqualTo("simple");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : spec.path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                softly.assertThat(resource.path("patternType").asText("literal")).as("%s pattern", service)
                        .isEqualTo("literal");
                softly.assertThat(acl.path("type").asText("allow")).as("%s acl type", service).isEqualTo("allow");
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":"
                            + operation.asText());
                }
            }
            softly.assertThat(granted).as("%s ACLs", service).isEqualTo(expectedGrants(contract.get(service)));
        });
        softly.assertAll();
    }

    @Test
    void theBrokerHasNoListenerWithoutAuthenticationAndAuthorisesEveryRequest() {
        JsonNode kafka = ofKind("Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("listeners")).isNotEmpty();
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("authentication").path("type").asText())
                    .as("listener %s authentication", listener.path("name").asText()).isEqualTo("scram-sha-512");
            assertThat(listener.path("tls").asBoolean()).as("listener %s TLS", listener.path("name").asText())
                    .isTrue();
        }
        JsonNode config = ofKind("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("alf-monitor-config")).findFirst()
                .orElseThrow().path("data");
        int port = kafka.path("listeners").get(0).path("port").asInt();
        assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).endsWith(":" + port);
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(config.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
    }

    @Test
    void eachServiceHasANetworkPolicyForItsPortItsDatabaseAndTheBrokers() {
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        ofKind("NetworkPolicy").forEach(p -> policies.put(
                p.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(), p));
        assertThat(policies.keySet()).containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICE_PORTS.keySet());
        int kafkaPort = ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners").get(0).path("port")
                .asInt();
        SoftAssertions softly = new SoftAssertions();
        policies.forEach((service, policy) -> {
            JsonNode spec = policy.path("spec");
            softly.assertThat(spec.path("policyTypes").toString()).as("%s types", service)
                    .contains("Ingress", "Egress");
            Set<Integer> in = new HashSet<>();
            spec.path("ingress").forEach(r -> r.path("ports").forEach(p -> in.add(p.path("port").asInt())));
            softly.assertThat(in).as("%s ingress ports", service)
                    .containsExactly(DeployFiles.SERVICE_PORTS.get(service));
            String egress = spec.path("egress").toString();
            softly.assertThat(egress).as("%s to its database", service)
                    .contains("\"cnpg.io/cluster\":\"alf-" + service.replace("-service", "") + "-db\"")
                    .contains("\"port\":5432");
            softly.assertThat(egress).as("%s to the brokers", service).contains("\"strimzi.io/cluster\":\"alf-kafka\"")
                    .contains("\"port\":" + kafkaPort);
        });
        softly.assertAll();
    }

    private static Set<String> expectedGrants(Access access) {
        Set<String> grants = new TreeSet<>();
        access.writes().forEach(t -> {
            grants.add("topic:" + t + ":Write");
            grants.add("topic:" + t + ":Describe");
        });
        access.reads().forEach(t -> {
            grants.add("topic:" + t + ":Read");
            grants.add("topic:" + t + ":Describe");
        });
        if (access.group() != null) {
            grants.add("group:" + access.group() + ":Read");
        }
        return grants;
    }

    /** The rows of the table under "what it may do on the broker": service, writes, reads, consumer group. */
    private static Map<String, Access> accessTable(String contract) {
        int section = contract.indexOf("what it may do on the broker");
        assertThat(section).as("docs/contract.md has the section \"what it may do on the broker\"").isPositive();
        String rest = contract.substring(section);
        int end = rest.indexOf("\n### ");
        Map<String, Access> rows = new LinkedHashMap<>();
        for (String line : (end < 0 ? rest : rest.substring(0, end)).lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].trim().endsWith("-service")) {
                continue;
            }
            List<String> group = codes(cells[4]);
            rows.put(cells[1].trim(), new Access(codes(cells[2]), codes(cells[3]),
                    group.isEmpty() ? null : group.get(0)));
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
}
