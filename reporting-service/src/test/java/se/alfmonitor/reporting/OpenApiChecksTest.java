package se.alfmonitor.reporting;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.OpenApiChecks;

@QuarkusTest
class OpenApiChecksTest extends OpenApiChecks {
}
