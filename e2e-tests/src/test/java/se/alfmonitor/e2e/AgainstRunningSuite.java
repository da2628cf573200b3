package se.alfmonitor.e2e;

import org.junit.jupiter.api.BeforeAll;

/** Base of the end-to-end tests: the shared suite, started once per JVM, and tokens from its Keycloak. */
abstract class AgainstRunningSuite {

    static Suite suite;
    static RealmTokens tokens;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        tokens = suite.tokens();
    }
}
