package se.alfmonitor.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Everything a service needs to run in a {@code @QuarkusTest}: its own database on the shared test PostgreSQL, the
 * shared test Kafka broker, and an OIDC provider whose signing key {@link Tokens} uses. Register it once per service
 * (a class annotated {@code @QuarkusTestResource(AlfTestResources.class)}) so Quarkus starts once for all tests.
 */
public class AlfTestResources implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the database; defaults to {@code alf_test}. */
    public static final String DATABASE = "database";

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private String database = "alf_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(oidc.start());
        config.put("quarkus.datasource.jdbc.url", TestPostgres.database(database));
        config.put("quarkus.datasource.username", TestPostgres.USER);
        config.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        // keycloak.url ends in /auth; the mock serves its realm "quarkus" the way Keycloak serves ours
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        oidc.stop();
    }
}
