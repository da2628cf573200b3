package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.e2e.Suite.Instance;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Scale-out on Kafka's own mechanism: a second instance of assessment-service and of reporting-service joins each
 * service's consumer group, the partitions are spread over both, and the same answers give the same assessments and
 * scorecards as with one instance. The work each instance did is read from its own {@code alf_inbox_events_total}.
 */
@Order(5)
class ScaleOutIT extends AgainstRunningSuite {

    private static final int UNITS = Integer.getInteger("alf.e2e.scale-units", 42);
    private static final String CAMPAIGN = "alf-2018-2021";
    private static final List<String> REGIONS = List.of("01", "03", "05", "12", "14", "18", "24");
    /** Items answered NEJ by the bits of a unit's variant, so that the units' outcomes differ. */
    private static final List<String> VARIED = List.of("4a", "6a", "7a", "36");
    private static final Pattern PROCESSED = Pattern.compile(
            "^alf_inbox_events_total\\{[^}]*result=\"processed\"[^}]*} ([0-9.Ee+]+)$", Pattern.MULTILINE);

    @Test
    void twoInstancesInOneGroupGiveTheResultsOfOneAndShareTheWork() throws Exception {
        long started = System.nanoTime();
        List<String> single = submitBatch("SO1");
        Map<String, String> singleResults = awaitResults(single, suite.url(Service.REPORTING));
        double singleSeconds = (System.nanoTime() - started) / 1e9;

        Instance assessment2 = suite.startInstance(Service.ASSESSMENT, 2);
        Instance reporting2 = suite.startInstance(Service.REPORTING, 2);
        try {
            Map<String, Integer> assessmentSpread = awaitSpread("assessment-service", 1);
            Map<String, Integer> reportingSpread = awaitSpread("reporting-service", 3);
            double assessment1Before = processed(suite.url(Service.ASSESSMENT));
            double assessment2Before = processed(assessment2.url());
            double reporting1Before = processed(suite.url(Service.REPORTING));
            double reporting2Before = processed(reporting2.url());

            started = System.nanoTime();
            List<String> scaled = submitBatch("SO2");
            // read through the second reporting instance: it serves the same read models
            Map<String, String> scaledResults = awaitResults(scaled, reporting2.url());
            double scaledSeconds = (System.nanoTime() - started) / 1e9;

            List<String> expected = new ArrayList<>(singleResults.values());
            List<String> actual = new ArrayList<>(scaledResults.values());
            assertThat(actual).as("outcomes per unit, in the order of the variants").isEqualTo(expected);

            double assessment1 = processed(suite.url(Service.ASSESSMENT)) - assessment1Before;
            double assessment2Work = processed(assessment2.url()) - assessment2Before;
            double reporting1 = processed(suite.url(Service.REPORTING)) - reporting1Before;
            double reporting2Work = processed(reporting2.url()) - reporting2Before;
            System.out.printf("SCALE-OUT: %d units with one instance each in %.1f s, %d units with two in %.1f s%n",
                    UNITS, singleSeconds, UNITS, scaledSeconds);
            System.out.printf("SCALE-OUT: partitions per member: assessment-service %s, reporting-service %s%n",
                    assessmentSpread.values(), reportingSpread.values());
            System.out.printf("SCALE-OUT: events processed: assessment-service %.0f + %.0f, reporting-service "
                    + "%.0f + %.0f; results identical to one instance for all %d units%n", assessment1,
                    assessment2Work, reporting1, reporting2Work, UNITS);
            assertThat(assessment1).as("events processed by assessment-service 1").isPositive();
            assertThat(assessment2Work).as("events processed by assessment-service 2").isPositive();
            assertThat(assessment1 + assessment2Work).as("each submission assessed once").isEqualTo(UNITS);
            assertThat(reporting1).as("events processed by reporting-service 1").isPositive();
            assertThat(reporting2Work).as("events processed by reporting-service 2").isPositive();
        } finally {
            for (Instance instance : List.of(assessment2, reporting2)) {
                instance.process().signalStop();
                instance.process().awaitExit(Duration.ofSeconds(30));
            }
        }
    }

    /** Registers and submits one unit per variant; returns the unit ids in variant order. */
    private static List<String> submitBatch(String prefix) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            String region = REGIONS.get(i % REGIONS.size());
            String unitId = region + "-" + prefix + "-" + run + "-" + i;
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Skalningsenhet " + i, "regionCode", region,
                            "directPatientContact", i % 5 != 0))
                    .put("/api/units/{id}", unitId).then().statusCode(201);
            Map<String, Object> answers = new LinkedHashMap<>(Fixtures.completeAlfUsve());
            for (int bit = 0; bit < VARIED.size(); bit++) {
                if ((i >> bit & 1) == 1) {
                    answers.put(VARIED.get(bit), "NEJ");
                }
            }
            UUID submissionId = UUID.randomUUID();
            String token = tokens.region(region);
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("campaignId", CAMPAIGN, "unitId", unitId, "answers", answers))
                    .put("/api/submissions/{id}", submissionId).then().statusCode(201);
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(token)
                    .post("/api/submissions/{id}/submit", submissionId).then().statusCode(200);
            units.add(unitId);
        }
        return units;
    }

    /**
     * Waits until every unit is assessed once and its scorecard is in the read model; returns per unit what must not
     * depend on how many instances ran: the assessment version, the outcome of every level, and the scorecard's.
     */
    private static Map<String, String> awaitResults(List<String> units, String reportingUrl) {
        Map<String, String> results = new LinkedHashMap<>();
        String monitor = tokens.nationalMonitor();
        for (String unitId : units) {
            String[] signature = new String[1];
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonPath assessment = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(monitor)
                        .queryParam("unitId", unitId).get("/api/assessments").then().statusCode(200)
                        .extract().jsonPath();
                if (assessment.getList("$").size() != 1) {
                    return false;
                }
                var scorecard = given().baseUri(reportingUrl).auth().oauth2(monitor)
                        .queryParam("campaignId", CAMPAIGN).get("/api/units/{id}/scorecard", unitId);
                if (scorecard.statusCode() != 200) {
                    return false;
                }
                JsonPath card = scorecard.jsonPath();
                signature[0] = "version " + assessment.getInt("[0].version") + ", met "
                        + assessment.getInt("[0].metCount") + ", levels " + assessment.getList("[0].levels.outcome")
                        + " | scorecard version " + card.getInt("version") + ", met " + card.getInt("metCount")
                        + ", levels " + card.getList("levels.outcome");
                return card.getInt("version") == assessment.getInt("[0].version");
            });
            results.put(unitId, signature[0]);
        }
        return results;
    }

    /**
     * Waits until a consumer group has the members of two instances ({@code channels} consumers each, one per
     * incoming channel) and each of them owns partitions; returns the partitions per member.
     */
    private static Map<String, Integer> awaitSpread(String group, int channels) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Map<String, Integer> spread = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                spread.clear();
                for (MemberDescription member : description.members()) {
                    spread.put(member.consumerId(), member.assignment().topicPartitions().size());
                }
                return spread.size() == 2 * channels && spread.values().stream().allMatch(n -> n > 0);
            });
            return spread;
        }
    }

    /** The events an instance has processed, from its Prometheus metrics. */
    private double processed(String url) {
        String metrics = given().baseUri(url).auth().oauth2(suite.tokens().prometheus()).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        Matcher matcher = PROCESSED.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
