package se.alfmonitor.survey;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.TokenChecks;

@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String adminReadablePath() {
        return "/api/regions";
    }
}
