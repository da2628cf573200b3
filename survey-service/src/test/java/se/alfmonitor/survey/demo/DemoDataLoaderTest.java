package se.alfmonitor.survey.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.alfmonitor.survey.api.units.UnitDto;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/** The loader goes through the same services as the API: units are published, submissions submitted once. */
@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Test
    void demoUnitsAndSubmissionsGoThroughTheServicesOnceOnly() {
        List<UnitDto> orebro = DemoRegistry.units().stream().filter(u -> u.regionCode().equals("18")).toList();
        List<UnitDto> answering = orebro.stream().filter(DemoDataLoader::answers).toList();
        assertThat(answering).isNotEmpty();

        int submitted = loader.load(orebro);
        assertThat(submitted).isEqualTo(answering.size());
        // idempotent: a second start changes nothing
        assertThat(loader.load(orebro)).isZero();

        UnitDto first = answering.get(0);
        given().auth().oauth2(Tokens.monitor()).get("/api/submissions/{id}", DemoDataLoader.submissionId(first.id()))
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1))
                .body("submittedBy", equalTo("demo-data"));
        given().auth().oauth2(Tokens.reporter("18")).get("/api/units?regionCode=18")
                .then().statusCode(200).body("size()", equalTo(orebro.size()));

        try (TopicProbe probe = TopicProbe.from("alf.units.v1")) {
            List<ConsumerRecord<String, String>> records = probe.await(r -> r.key().equals(first.id()), 1,
                    Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
        }
    }
}
