package se.alfmonitor.indicator;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.TokenChecks;

@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String adminReadablePath() {
        return "/api/indicators";
    }
}
