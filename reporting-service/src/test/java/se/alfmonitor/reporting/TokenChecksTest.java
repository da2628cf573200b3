package se.alfmonitor.reporting;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.TokenChecks;

@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String adminReadablePath() {
        return "/api/compliance?campaignId=alf-2018-2021";
    }
}
