package se.alfmonitor.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything a service needs to run in a {@code @QuarkusTest}: its own database on the shared test PostgreSQL, the
 * shared test Kafka broker, and the public key of the key {@link Tokens} signs with, so that the service verifies
 * every token as it does in production (signature, expiry, issuer, audience, roles) without a provider to ask: no
 * fixed port, so the services' tests can run side by side. Register it once per service (a class annotated
 * {@code @QuarkusTestResource(AlfTestResources.class)}) so Quarkus starts once for all tests.
 */
public class AlfTestResources implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the database; defaults to {@code alf_test}. */
    public static final String DATABASE = "database";

    private String database = "alf_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestPostgres.database(database));
        config.put("quarkus.datasource.username", TestPostgres.USER);
        config.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        // verified locally with the signing key's public half; without a server address no OIDC server is contacted
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", Tokens.publicKey());
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // the database and the broker are shared by every test class of the JVM and stop with it
    }
}
