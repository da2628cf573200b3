package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Faults a national agency would ask about, each printing its figures: the broker going away under load, a consumer
 * killed mid-stream, poison messages on every topic, a database restart, and two reporters amending the same
 * submission at the same moment.
 */
@Order(4)
class FaultToleranceIT extends AgainstRunningSuite {

    private static final int LOAD = Integer.getInteger("alf.e2e.load", 200);
    private static final int AMEND_PAIRS = Integer.getInteger("alf.e2e.amendPairs", 50);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();


    /** (a) The broker is down while submissions arrive: the API keeps accepting; after restart all flow, none twice. */
    @Test
    void brokerStoppedDuringLoadLosesAndDuplicatesNothing() throws Exception {
        String prefix = "12-BRK-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> units = registerUnits(prefix, "12", LOAD);

        suite.kafka().stop();
        long started = System.nanoTime();
        List<String> accepted;
        try {
            accepted = submitAll(units, "12");
        } finally {
            suite.kafka().start();
        }
        double acceptSeconds = (System.nanoTime() - started) / 1e9;
        long restarted = System.nanoTime();

        Set<String> expected = Set.copyOf(accepted);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(
                () -> keysOn("alf.assessments.v1", prefix).keySet().containsAll(expected));
        double flowSeconds = (System.nanoTime() - restarted) / 1e9;

        Map<String, Long> submissions = keysOn("alf.submissions.v1", prefix);
        Map<String, Long> assessments = keysOn("alf.assessments.v1", prefix);
        Map<String, Long> unitIndicators = keysOn("alf.indicators.v1", "ALF-02|" + prefix);
        System.out.printf("FAULT a) broker down: %d of %d submissions accepted in %.1f s while Kafka was stopped "
                + "(%.0f/s); all assessed %.1f s after restart; submitted events %d, assessments %d, "
                + "unit indicator events %d%n", accepted.size(), units.size(), acceptSeconds,
                accepted.size() / acceptSeconds, flowSeconds, total(submissions), total(assessments),
                total(unitIndicators));

        assertThat(accepted).hasSize(units.size());
        assertThat(submissions.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(submissions.values()).allMatch(n -> n == 1);
        assertThat(assessments.values()).allMatch(n -> n == 1);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                keysOn("alf.indicators.v1", "ALF-02|" + prefix).keySet()).hasSize(expected.size()));
    }

    /** (c) Garbage on every topic lands on the topic's dead-letter topic with a reason, and the stream goes on. */
    @Test
    void malformedEventOnEveryTopicIsDeadLetteredWithItsReason() {
        String bootstrap = suite.kafka().bootstrapServers();
        String marker = "poison-" + UUID.randomUUID();
        List<String> topics = List.of("alf.units.v1", "alf.submissions.v1", "alf.assessments.v1",
                "alf.indicators.v1");
        for (String topic : topics) {
            TopicReader.send(bootstrap, topic, marker, "{\"specversion\": \"1.0\", \"id\": 42, \"type\": [");
        }
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> parked = TopicReader.readAll(bootstrap, topic + ".dlq",
                        r -> marker.equals(r.key()), Duration.ofSeconds(2));
                assertThat(parked).isNotEmpty();
                assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).isNotBlank();
                System.out.printf("FAULT c) %s -> %s.dlq (%d copies, one per consuming service): %s%n", topic, topic,
                        parked.size(), TopicReader.header(parked.get(0), "dead-letter-reason"));
            });
        }
        // the stream goes on: a new submission still flows through to reporting
        String prefix = "18-AFTER-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> units = registerUnits(prefix, "18", 1);
        submitAll(units, "18");
        await().atMost(Duration.ofSeconds(60)).until(() -> keysOn("alf.assessments.v1", prefix).size() == 1);
    }

    /** (b) A consumer service killed with SIGKILL mid-stream catches up after restart, with no duplicates. */
    @Test
    void consumerKilledMidStreamCatchesUpWithoutDuplicates() throws Exception {
        String prefix = "05-KILL-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> units = registerUnits(prefix, "05", 200);
        ManagedProcess assessment = suite.service(Service.ASSESSMENT);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<List<String>> submitting = background.submit(() -> submitAll(units, "05"));
        // killed as soon as it has assessed some of the stream (asked of the service itself, which answers at once;
        // the topic is read whole), while it is given the rest
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> units.subList(0, 4).stream().anyMatch(FaultToleranceIT::assessed));
        assessment.kill();
        long killed = System.nanoTime();
        int assessedBeforeKill;
        List<String> accepted;
        try {
            assessedBeforeKill = keysOn("alf.assessments.v1", prefix).size();
            accepted = submitting.get();
        } finally {
            background.shutdown();
            assessment.start();
            suite.awaitReady(Service.ASSESSMENT);
        }
        assertThat(assessedBeforeKill).as("units assessed before the kill: the kill landed mid-stream")
                .isBetween(1, units.size() - 1);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(
                () -> keysOn("alf.assessments.v1", prefix).keySet().containsAll(accepted));
        Map<String, Long> assessments = keysOn("alf.assessments.v1", prefix);
        System.out.printf("FAULT b) assessment-service SIGKILLed mid-stream (%d units assessed before): %d "
                + "submissions, %d units assessed %.1f s after the kill, %d assessment events (duplicates: %d)%n",
                assessedBeforeKill, accepted.size(), assessments.size(), (System.nanoTime() - killed) / 1e9,
                total(assessments), total(assessments) - assessments.size());
        assertThat(assessments.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(assessments.values()).allMatch(n -> n == 1);
    }

    /**
     * (b2) Consumer services stopped in the ordinary way (SIGTERM) mid-stream finish or leave what they were
     * processing. assessment-service (one submission at a time) is given a backlog of submissions and stopped, together
     * with indicator-service (a poll at a time), while it works through it, so that both are processing events when
     * they are told to stop. Nothing of the stream is parked on a dead-letter topic for a session closed under it;
     * after the restart every unit is assessed and its assessment is in indicator-service's database.
     */
    @Test
    void consumersStoppedMidStreamParkNothingAndCatchUp() throws Exception {
        String prefix = "14-STOP-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> units = registerUnits(prefix, "14", 200);
        ManagedProcess assessment = suite.service(Service.ASSESSMENT);
        ManagedProcess indicator = suite.service(Service.INDICATOR);
        assessment.stop();
        List<String> accepted = submitAll(units, "14");
        assessment.start();
        suite.awaitReady(Service.ASSESSMENT);
        // stopped while assessment-service works through the backlog and its assessments stream in
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(Service.ASSESSMENT, "assessment", prefix) >= 20);
        ExecutorService stopping = Executors.newFixedThreadPool(2);
        List<Future<?>> stopped = List.of(stopping.submit(() -> {
            assessment.stop();
            return null;
        }), stopping.submit(() -> {
            indicator.stop();
            return null;
        }));
        for (Future<?> f : stopped) {
            f.get();
        }
        stopping.shutdown();
        long before = count(Service.ASSESSMENT, "assessment", prefix);
        assessment.start();
        indicator.start();
        suite.awaitReady(Service.ASSESSMENT);
        suite.awaitReady(Service.INDICATOR);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> keysOn("alf.assessments.v1", prefix).keySet().containsAll(accepted)
                        && assessedUnits(prefix) == accepted.size());
        String bootstrap = suite.kafka().bootstrapServers();
        List<ConsumerRecord<String, String>> parked = new ArrayList<>();
        for (String topic : List.of("alf.assessments.v1.dlq", "alf.submissions.v1.dlq")) {
            parked.addAll(TopicReader.readAll(bootstrap, topic, r -> r.key() != null && r.key().startsWith(prefix),
                    Duration.ofSeconds(2)));
        }
        System.out.printf("FAULT b2) assessment-service and indicator-service stopped mid-stream: %d submissions, %d"
                + " assessed before the stop, all assessed and all %d units' assessments in indicator-service's"
                + " database after the restart; parked on dead-letter topics: %d%n", accepted.size(), before,
                assessedUnits(prefix), parked.size());
        assertThat(parked).as("parked: %s", parked.stream()
                .map(r -> TopicReader.header(r, "dead-letter-reason")).distinct().toList()).isEmpty();
    }

    /** How many units starting with {@code prefix} indicator-service holds an assessment of. */
    private static long assessedUnits(String prefix) throws SQLException {
        return count(Service.INDICATOR, "unit_assessment", prefix);
    }

    /** How many units starting with {@code prefix} the service's table holds a row of. */
    private static long count(Service service, String table, String prefix) throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(service), PostgresServer.USER,
                PostgresServer.PASSWORD);
                PreparedStatement count = c.prepareStatement(
                        "select count(distinct unit_id) from " + table + " where unit_id like ?")) {
            count.setString(1, prefix + "%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** (d) A service's PostgreSQL restarts: the service recovers without anyone touching it. */
    @Test
    void serviceRecoversFromDatabaseRestart() {
        String prefix = "03-PG-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        suite.postgres().stop();
        long stopped = System.nanoTime();
        suite.postgres().start();
        double downSeconds = (System.nanoTime() - stopped) / 1e9;
        // every service answers again from its database
        for (Map.Entry<Service, String> read : Map.of(Service.SURVEY, "/api/units", Service.ASSESSMENT,
                "/api/assessments?regionCode=03", Service.INDICATOR, "/api/values?indicator=ALF-02&orgUnit=SE",
                Service.REPORTING, "/api/compliance?campaignId=alf-2018-2021").entrySet()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(suite.url(read.getKey()))
                    .auth().oauth2(tokens.user("admin")).get(read.getValue()).then().statusCode(200));
        }
        List<String> units = registerUnits(prefix, "03", 3);
        submitAll(units, "03");
        // and the pipeline flows through all of them: assessed, counted and shown
        await().atMost(Duration.ofSeconds(90)).until(() -> keysOn("alf.assessments.v1", prefix).size() == 3);
        for (String unit : units) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(suite.url(Service.INDICATOR))
                    .auth().oauth2(tokens.nationalMonitor()).queryParam("indicator", "ALF-02")
                    .queryParam("orgUnit", unit).get("/api/values").then().statusCode(200)
                    .body("$", hasSize(1)));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                    .auth().oauth2(tokens.user("admin")).queryParam("campaignId", "alf-2018-2021")
                    .get("/api/units/{id}/scorecard", unit).then().statusCode(200));
        }
        System.out.printf("FAULT d) PostgreSQL restarted (down %.1f s): every service serves again and the "
                + "pipeline flows without manual action%n", downSeconds);
    }

    /**
     * (e) Two reporters of one region amend the same submission at the same moment, both based on revision 1: exactly
     * one wins, the other gets 409 {@code REVISION_CONFLICT} and succeeds after reading again. Nothing is lost: both
     * answer sets are stored as revisions 2 and 3, the history shows each amendment once, and each revision is
     * assessed once.
     */
    @Test
    void concurrentAmendmentsOfOneSubmissionLoseNothing() throws Exception {
        String prefix = "01-RACE-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> units = registerUnits(prefix, "01", AMEND_PAIRS);
        Map<String, UUID> submissions = new ConcurrentHashMap<>();
        Map<String, Object> complete = Fixtures.completeAlfUsve();
        for (String unit : units) {
            UUID id = UUID.randomUUID();
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("campaignId", "alf-2018-2021", "unitId", unit, "answers", complete))
                    .put("/api/submissions/{id}", id).then().statusCode(201);
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                    .post("/api/submissions/{id}/submit", id).then().statusCode(200);
            submissions.put(unit, id);
        }
        // the region's IT system and a contact person of the same region
        Map<String, String> reporters = Map.of("system", tokens.region("01"), "person", tokens.user("reporter-01"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int wins = 0;
        int conflicts = 0;
        int other = 0;
        int retried = 0;
        long started = System.nanoTime();
        try {
            for (String unit : units) {
                UUID id = submissions.get(unit);
                CyclicBarrier start = new CyclicBarrier(2);
                Map<String, Future<io.restassured.response.Response>> answers = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, String> reporter : reporters.entrySet()) {
                    answers.put(reporter.getKey(), pool.submit(() -> {
                        start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return amend(reporter.getValue(), id, 1, reporter.getKey());
                    }));
                }
                String loser = null;
                for (Map.Entry<String, Future<io.restassured.response.Response>> answer : answers.entrySet()) {
                    io.restassured.response.Response response = answer.getValue().get();
                    if (response.statusCode() == 201) {
                        wins++;
                    } else if (response.statusCode() == 409
                            && response.contentType().startsWith("application/problem+json")
                            && "REVISION_CONFLICT".equals(response.path("code"))) {
                        conflicts++;
                        loser = answer.getKey();
                    } else {
                        other++;
                        System.out.printf("FAULT e) unexpected answer for %s: %d %s%n", unit, response.statusCode(),
                                response.asString());
                    }
                }
                if (loser != null) {
                    // the loser reads the submission again and amends on top of the winner's revision
                    int current = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(reporters.get(loser))
                            .get("/api/submissions/{id}", id).then().statusCode(200).extract().path("revision");
                    assertThat(amend(reporters.get(loser), id, current, loser).statusCode()).isEqualTo(201);
                    retried++;
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        int lost = 0;
        int historyOk = 0;
        for (String unit : units) {
            UUID id = submissions.get(unit);
            List<Map<String, Object>> revisions = given().baseUri(suite.url(Service.SURVEY))
                    .auth().oauth2(tokens.user("admin")).get("/api/submissions/{id}/revisions", id)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            List<String> texts = revisions.stream().skip(1)
                    .map(r -> String.valueOf(((Map<?, ?>) r.get("answers")).get("explanation4a"))).toList();
            boolean bothStored = revisions.size() == 3
                    && texts.containsAll(List.of(text("system", id), text("person", id)));
            if (!bothStored) {
                lost++;
                System.out.printf("FAULT e) %s: revisions %s%n", unit, texts);
            }
            List<Integer> amended = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                    .get("/api/submissions/{id}/history", id).then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.action == 'AMENDED' }.revision", Integer.class);
            if (amended.equals(List.of(2, 3))) {
                historyOk++;
            }
        }
        Set<String> unitSet = Set.copyOf(units);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(
                () -> assessedRevisions(prefix).entrySet().stream().filter(e -> unitSet.contains(e.getKey()))
                        .filter(e -> e.getValue().size() >= 3).count() == units.size());
        Map<String, List<Integer>> assessed = assessedRevisions(prefix);
        long assessedOnce = assessed.values().stream()
                .filter(r -> r.stream().sorted().toList().equals(List.of(1, 2, 3))).count();
        System.out.printf("FAULT e) concurrent amendments: %d pairs in %.1f s; wins %d, 409 REVISION_CONFLICT %d, "
                + "other answers %d; losers re-read and amended %d; lost %d; history with each amendment once %d of "
                + "%d; every revision assessed exactly once for %d of %d units%n", units.size(), seconds, wins,
                conflicts, other, retried, lost, historyOk, units.size(), assessedOnce, units.size());

        assertThat(wins).isEqualTo(units.size());
        assertThat(conflicts).isEqualTo(units.size());
        assertThat(other).isZero();
        assertThat(lost).isZero();
        assertThat(historyOk).isEqualTo(units.size());
        assertThat(assessedOnce).isEqualTo(units.size());
    }

    private static io.restassured.response.Response amend(String token, UUID id, int expectedRevision,
            String reporter) {
        Map<String, Object> answers = new java.util.LinkedHashMap<>(Fixtures.completeAlfUsve());
        answers.put("explanation4a", text(reporter, id));
        return given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("expectedRevision", expectedRevision, "answers", answers))
                .post("/api/submissions/{id}/amendments", id);
    }

    private static String text(String reporter, UUID id) {
        return "Ändrad av " + reporter + " för " + id;
    }

    /** The submission revisions assessed per unit, one entry per distinct assessment event. */
    private static Map<String, List<Integer>> assessedRevisions(String prefix) {
        Map<String, Map<String, Integer>> byUnit = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readAll(suite.kafka().bootstrapServers(),
                "alf.assessments.v1", r -> r.key() != null && r.key().startsWith(prefix), Duration.ofSeconds(2))) {
            try {
                com.fasterxml.jackson.databind.JsonNode event = JSON.readTree(record.value());
                byUnit.computeIfAbsent(record.key(), k -> new java.util.HashMap<>()).put(event.path("id").asText(),
                        event.path("data").path("submissionRevision").asInt());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, List<Integer>> revisions = new java.util.HashMap<>();
        byUnit.forEach((unit, events) -> revisions.put(unit, List.copyOf(events.values())));
        return revisions;
    }

    private List<String> registerUnits(String prefix, String region, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Testenhet " + i, "regionCode", region, "directPatientContact", true,
                            "designatedYear", 2016))
                    .put("/api/units/{id}", id)
                    .then().statusCode(201);
            ids.add(id);
        }
        return ids;
    }

    /** Drafts and submits one complete questionnaire per unit, four at a time; returns the units accepted. */
    private List<String> submitAll(List<String> units, String region) {
        Map<String, Object> answers = Fixtures.completeAlfUsve();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String unit : units) {
                work.add(pool.submit(() -> {
                    UUID id = UUID.randomUUID();
                    int draft = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(region))
                            .contentType(ContentType.JSON)
                            .body(Map.of("campaignId", "alf-2018-2021", "unitId", unit, "answers", answers))
                            .put("/api/submissions/{id}", id).statusCode();
                    int submit = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(region))
                            .post("/api/submissions/{id}/submit", id).statusCode();
                    if (draft == 201 && submit == 200) {
                        accepted.add(unit);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return List.copyOf(accepted);
    }

    /**
     * Distinct events per key on a topic, for keys starting with {@code prefix}. A record the outbox relay sent twice
     * (at-least-once delivery) carries the same CloudEvents id and counts once; a second assessment would not.
     */
    /** Whether assessment-service has assessed the unit (one of the first four sent, so asked one at a time). */
    private static boolean assessed(String unit) {
        return !given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                .queryParam("unitId", unit).get("/api/assessments").then().statusCode(200).extract()
                .jsonPath().getList("$").isEmpty();
    }

    private static Map<String, Long> keysOn(String topic, String prefix) {
        return TopicReader.readAll(suite.kafka().bootstrapServers(), topic,
                r -> r.key() != null && r.key().startsWith(prefix), Duration.ofSeconds(2)).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(FaultToleranceIT::eventId, Collectors.toSet())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("id").asText();
        } catch (java.io.IOException e) {
            return "unreadable:" + record.offset();
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

}
