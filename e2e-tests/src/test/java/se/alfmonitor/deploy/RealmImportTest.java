package se.alfmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Keycloak Operator's realm import ({@code deploy/kubernetes/platform/alf-monitor-realm-import.yaml}) is the
 * realm of {@code deploy/keycloak/alf-monitor-realm.json}, as {@code generate-realm-import.sh} derives it: the
 * contract's roles, every client with its claim mappers, client secrets only as placeholders filled from a Secret,
 * and no demo users. A hand edit of either file without regenerating fails here.
 */
class RealmImportTest {

    /** The realm roles of the contract (se.alfmonitor.contract.security.Roles). */
    private static final List<String> CONTRACT_ROLES = List.of("reporter", "assessor", "monitor", "viewer", "admin");
    /** The regional systems: one confidential client per ALF region (docs/contract.md, "Identifiers"). */
    private static final List<String> REGION_CLIENTS = List.of("region-01", "region-03", "region-05", "region-12",
            "region-14", "region-18", "region-24");
    private static final String CLIENT_SECRETS = "alf-keycloak-client-secrets";

    private static JsonNode json;
    private static JsonNode realmImport;
    private static JsonNode realm;

    @BeforeAll
    static void read() {
        json = DeployFiles.readJson(DeployFiles.path("deploy", "keycloak", "alf-monitor-realm.json"));
        realmImport = DeployFiles.readYaml(
                DeployFiles.path("deploy", "kubernetes", "platform", "alf-monitor-realm-import.yaml"));
        realm = realmImport.path("spec").path("realm");
    }

    @Test
    void isARealmImportOfTheRealmAlfMonitor() {
        assertThat(realmImport.path("apiVersion").asText()).startsWith("k8s.keycloak.org/");
        assertThat(realmImport.path("kind").asText()).isEqualTo("KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isNotBlank();
        assertThat(realm.path("realm").asText()).isEqualTo("alf-monitor").isEqualTo(json.path("realm").asText());
    }

    @Test
    void hasTheRolesOfTheContract() {
        assertThat(names(realm.path("roles").path("realm"), "name")).containsAll(CONTRACT_ROLES)
                .isEqualTo(names(json.path("roles").path("realm"), "name"));
    }

    @Test
    void hasEveryClientOfTheRealmFileWithItsClaimMappers() {
        assertThat(names(realm.path("clients"), "clientId")).containsAll(REGION_CLIENTS)
                .contains("national-monitor", "dashboard")
                .isEqualTo(names(json.path("clients"), "clientId"));
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode client : json.path("clients")) {
            JsonNode imported = client(realm, client.path("clientId").asText());
            softly.assertThat(imported.path("protocolMappers")).as("%s mappers", client.path("clientId").asText())
                    .isEqualTo(client.path("protocolMappers"));
        }
        for (String region : REGION_CLIENTS) {
            softly.assertThat(client(realm, region).path("protocolMappers").toString()).as("%s region claim", region)
                    .contains("\"claim.name\":\"region_code\"")
                    .contains("\"claim.value\":\"" + region.substring("region-".length()) + "\"");
        }
        softly.assertAll();
    }

    @Test
    void clientSecretsArePlaceholdersFilledFromASecret() {
        JsonNode placeholders = realmImport.path("spec").path("placeholders");
        String secretsExample = DeployFiles.read(
                DeployFiles.path("deploy", "kubernetes", "platform", "secrets.example.yaml"));
        List<String> confidential = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode client : json.path("clients")) {
            if (client.path("publicClient").asBoolean() || !client.has("secret")) {
                continue;
            }
            String clientId = client.path("clientId").asText();
            confidential.add(clientId);
            String secret = client(realm, clientId).path("secret").asText();
            softly.assertThat(secret).as("%s secret", clientId).matches("\\$\\{[A-Z0-9_]+}")
                    .isNotEqualTo(client.path("secret").asText());
            String placeholder = secret.length() > 3 ? secret.substring(2, secret.length() - 1) : "";
            JsonNode reference = placeholders.path(placeholder).path("secret");
            softly.assertThat(reference.path("name").asText()).as("%s placeholder %s", clientId, placeholder)
                    .isEqualTo(CLIENT_SECRETS);
            softly.assertThat(reference.path("key").asText()).as("%s key", clientId).isEqualTo(clientId);
            softly.assertThat(secretsExample).as("secrets.example.yaml has key %s", clientId)
                    .containsPattern("(?m)^  " + clientId + ": CHANGE-ME");
        }
        softly.assertThat(confidential).containsAll(REGION_CLIENTS).contains("national-monitor");
        softly.assertThat(placeholders.size()).as("placeholders").isEqualTo(confidential.size());
        softly.assertAll();
    }

    @Test
    void demoUsersAreLeftOutAndServiceAccountsKept() {
        Map<String, JsonNode> expected = new TreeMap<>();
        for (JsonNode user : json.path("users")) {
            if (!user.has("credentials")) {
                expected.put(user.path("username").asText(), user);
            }
        }
        assertThat(expected).as("service accounts in the realm file").hasSizeGreaterThanOrEqualTo(8);
        Map<String, JsonNode> actual = new TreeMap<>();
        realm.path("users").forEach(u -> actual.put(u.path("username").asText(), u));
        assertThat(actual).isEqualTo(expected);
        assertThat(realm.path("users").toString()).doesNotContain("credentials").doesNotContain("-demo");
    }

    @Test
    void isTheRealmFileExceptForTheDocumentedProductionChanges() {
        ObjectNode expected = json.deepCopy();
        expected.put("bruteForceProtected", true);
        ArrayNode users = expected.putArray("users");
        json.path("users").forEach(u -> {
            if (!u.has("credentials")) {
                users.add(u);
            }
        });
        ObjectNode actual = ((ObjectNode) realm).deepCopy();
        for (ObjectNode side : List.of(expected, actual)) {
            for (JsonNode client : side.path("clients")) {
                ObjectNode c = (ObjectNode) client;
                if (c.path("publicClient").asBoolean()) {
                    c.put("directAccessGrantsEnabled", false);
                }
                // compared above (secret) or deployment-specific (URLs, the demo remark in the description)
                c.remove(List.of("secret", "redirectUris", "webOrigins", "description"));
            }
        }
        assertThat(actual).isEqualTo(expected);
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("redirectUris").toString() + client.path("webOrigins"))
                    .as("%s URLs", client.path("clientId").asText()).doesNotContain("localhost");
            assertThat(client.path("description").asText()).doesNotContain("DEMO");
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }
}
