package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/** Region 24 gets units from this test only. */
@QuarkusTest
class ReadModelConsumersTest {

    @Inject
    MeterRegistry meters;

    /**
     * A unit is registered (event X), then deactivated (event Y); then X is delivered again, as after a rebalance.
     * Unit changes carry no version, so only the inbox keeps the old X from making the unit active again. The inbox
     * counts the redelivery as a duplicate, which tells the test that X has been seen.
     */
    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String unit = "24-R-" + Events.suffix();
        String registered = Events.unitEvent(unit, "24", true);
        TopicProbe.send("alf.units.v1", unit, registered);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expected24(1));
        TopicProbe.send("alf.units.v1", unit, Events.unitEvent(unit, "24", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expected24(0));

        double duplicates = duplicates();
        TopicProbe.send("alf.units.v1", unit, registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicates);

        expected24(0);
    }

    private double duplicates() {
        return meters.counter("alf.inbox.events", "consumer", "reporting", "result", "duplicate").count();
    }

    private static void expected24(int expected) {
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", "alf-none").get("/api/completeness")
                .then().statusCode(200).body("regions.find { it.code == '24' }.expected", equalTo(expected));
    }
}
