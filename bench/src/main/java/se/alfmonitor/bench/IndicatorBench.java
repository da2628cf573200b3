package se.alfmonitor.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.e2e.Fixtures;
import se.alfmonitor.e2e.PostgresServer;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * P5: indicator-service under a burst and at rest. A burst of N assessment events (27 levels each, with explanations
 * of a realistic size) for N units of the seven ALF regions is put on {@code alf.assessments.v1}; the figure is the
 * rate at which indicator-service turns them into values up to the nation (until {@code ALF-02} of {@code SE} counts
 * every unit). Then single events one at a time: the time from the broker's acknowledgement of the event to the
 * nation value having changed (the last value an event changes), p50 and p99, and to the unit's own value.
 *
 * <p>The same for submitted unit questionnaires on {@code alf.submissions.v1}, as survey-service publishes them (the
 * complete {@code alf-usve} fixture): a burst of N submissions of N units until {@code ALF-06} (clinically active
 * researchers per 100 clinically active staff, fed by the questionnaire's staff matrix) of {@code SE} has every unit
 * as a member; then, once assessment-service's assessments of the burst have reached indicator-service too
 * ({@code ALF-02} of {@code SE} counts every unit; at most {@code bench.p5.settle-timeout} seconds), single
 * submissions to the unit's own {@code ALF-06} and to the nation's.
 *
 * <p>Baselines in the same run: for a burst, one transaction per event with one insert of the event's JSON into a
 * scratch database of the same PostgreSQL, sequentially as the consumer works; for the single events, the round trip
 * of the same authenticated GET that watches the nation value.
 */
final class IndicatorBench {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final List<String> REGIONS = List.of("01", "03", "05", "12", "14", "18", "24");
    private static final String[] AREAS = {"GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT"};

    private final Suite suite;
    private final Bench.Report report;
    private final SurveyClient http;
    private final int events = Integer.getInteger("bench.p5.events", 5000);
    private final int singles = Integer.getInteger("bench.p5.singles", 100);
    private final int submissions = Integer.getInteger("bench.p5.submissions", 5000);
    private final long settleTimeout = Long.getLong("bench.p5.settle-timeout", 1800) * 1_000_000_000L;
    private static final long TOKEN_RENEWAL = 450_000_000_000L;
    private String token;
    private long tokenFetched;
    private final Random random = new Random(5);

    IndicatorBench(Suite suite, Bench.Report report) {
        this.suite = suite;
        this.report = report;
        this.http = new SurveyClient(suite);
    }

    void run() throws Exception {
        measure(new Feed("assessment events", "assessment", Topic.ASSESSMENTS, "p5-", "P5-", "ALF-02", events,
                (campaign, unit, region) -> event(campaign, unit, region), this::denominator, null));
        ObjectNode answers = JSON.valueToTree(Fixtures.completeAlfUsve());
        measure(new Feed("submitted questionnaires", "submission", Topic.SUBMISSIONS, "p5s-", "P5Q-", "ALF-06",
                submissions, (campaign, unit, region) -> submission(campaign, unit, region, answers),
                this::members, "ALF-02"));
    }

    /** One event of a feed for a unit of a region in a campaign, as its publisher writes it. */
    @FunctionalInterface
    private interface Payload {
        String of(String campaign, String unit, String region) throws Exception;
    }

    /**
     * What P5 sends and watches: events of one topic, the indicator whose nation value follows them in the bench's
     * own campaign (its period holds only the bench's units), and how many units that value counts.
     *
     * @param settledBy an indicator whose nation value counts every unit of the burst (as a member) once what the
     *        burst set off elsewhere has reached indicator-service too (submissions: their assessments, from
     *        assessment-service); the single events wait for it, so that they are measured on a settled suite. Null
     *        when the burst sets off nothing else.
     */
    private record Feed(String plural, String singular, Topic topic, String campaignPrefix, String unitPrefix,
            String indicator, int burst, Payload payload, ToIntFunction<String> counted, String settledBy) {
    }

    /**
     * A burst of {@code feed.burst()} units' events up to the nation value, with its baseline; then single events one
     * at a time: broker ack to the unit's own value and to the nation value, with the GET of the nation value as
     * baseline.
     */
    private void measure(Feed feed) throws Exception {
        String campaign = feed.campaignPrefix() + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        String nation = "/api/values/" + feed.indicator() + "/SE/" + period;
        List<String> payloads = new ArrayList<>(feed.burst());
        for (int i = 0; i < feed.burst(); i++) {
            payloads.add(feed.payload().of(campaign, feed.unitPrefix() + i, REGIONS.get(i % REGIONS.size())));
        }
        try (KafkaProducer<String, String> producer = producer()) {
            long started = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>(feed.burst());
            for (int i = 0; i < feed.burst(); i++) {
                sent.add(producer.send(new ProducerRecord<>(feed.topic().topicName(), feed.unitPrefix() + i,
                        payloads.get(i))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
            long burstDeadline = started + 3_600_000_000_000L;
            while (feed.counted().applyAsInt(nation) < feed.burst() && System.nanoTime() < burstDeadline) {
                Thread.sleep(100);
            }
            double burstSeconds = (System.nanoTime() - started) / 1e9;
            int reached = feed.counted().applyAsInt(nation);
            double rate = reached / burstSeconds;
            double floor = oneTransactionPerEvent(payloads);
            report.line("P5 %s burst: %d of %d %s up to the nation value (%s) in %.1f s: %.1f events/s; baseline one"
                    + " JDBC transaction per event (one insert of its JSON, sequential) %.1f/s -> ratio %.2f",
                    feed.singular(), reached, feed.burst(), feed.plural(), feed.indicator(), burstSeconds, rate, floor,
                    rate / floor);

            if (feed.settledBy() != null) {
                // submissions set off assessments, which assessment-service publishes at its own pace
                String settled = "/api/values/" + feed.settledBy() + "/SE/" + period;
                long settleStarted = System.nanoTime();
                while (members(settled) < feed.burst() && System.nanoTime() - settleStarted < settleTimeout) {
                    Thread.sleep(1000);
                }
                int settledUnits = members(settled);
                report.line("P5 %s burst settled: %s of SE counts %d of %d units %.1f s after the burst reached the"
                        + " nation value%s", feed.singular(), feed.settledBy(), settledUnits, feed.burst(),
                        (System.nanoTime() - settleStarted) / 1e9,
                        settledUnits < feed.burst() ? " (not settled: the single events run while it goes on)" : "");
            }
            Histogram baseline = new Histogram(60_000_000_000L, 3);
            for (int i = 0; i < 300; i++) {
                long t = System.nanoTime();
                feed.counted().applyAsInt(nation);
                if (i >= 50) {
                    baseline.recordValue(System.nanoTime() - t);
                }
            }
            Histogram fresh = new Histogram(600_000_000_000L, 3);
            Histogram unitFresh = new Histogram(600_000_000_000L, 3);
            int expected = reached;
            for (int i = 0; i < singles; i++) {
                String unit = feed.unitPrefix() + "S-" + i;
                producer.send(new ProducerRecord<>(feed.topic().topicName(), unit,
                        feed.payload().of(campaign, unit, REGIONS.get(i % REGIONS.size())))).get();
                long acked = System.nanoTime();
                expected++;
                long deadline = acked + 60_000_000_000L;
                String unitValue = "/api/values/" + feed.indicator() + "/" + unit + "/" + period;
                boolean unitSeen = false;
                while (System.nanoTime() < deadline) {
                    if (!unitSeen && http.get(Service.INDICATOR, unitValue, token()) == 200) {
                        unitFresh.recordValue(System.nanoTime() - acked);
                        unitSeen = true;
                    }
                    if (feed.counted().applyAsInt(nation) >= expected) {
                        break;
                    }
                    Thread.sleep(1);
                }
                fresh.recordValue(System.nanoTime() - acked);
            }
            report.line("P5 %s freshness, %d single %s: broker ack -> nation value (%s) changed p50 %.0f ms,"
                    + " p99 %.0f ms, max %.0f ms (target: within 1 s: %s); of which to the unit's own value p50"
                    + " %.0f ms, p99 %.0f ms, max %.0f ms; baseline GET %s p50 %.1f ms -> %.0fx", feed.singular(),
                    singles, feed.plural(), feed.indicator(), ms(fresh.getValueAtPercentile(50)),
                    ms(fresh.getValueAtPercentile(99)), ms(fresh.getMaxValue()),
                    ms(fresh.getValueAtPercentile(99)) <= 1000 ? "met" : "not met",
                    ms(unitFresh.getValueAtPercentile(50)), ms(unitFresh.getValueAtPercentile(99)),
                    ms(unitFresh.getMaxValue()), "/api/values/" + feed.indicator() + "/SE/{period}",
                    ms(baseline.getValueAtPercentile(50)),
                    (double) fresh.getValueAtPercentile(50) / baseline.getValueAtPercentile(50));
        }
    }

    /**
     * A unit's first submission of the complete questionnaire as survey-service publishes it: keyed by the unit, the
     * submission id as subject.
     */
    private static String submission(String campaign, String unit, String region, ObjectNode answers)
            throws Exception {
        UUID id = UUID.randomUUID();
        SubmissionSubmitted data = new SubmissionSubmitted(id, 1, campaign,
                new SubmissionSubmitted.QuestionnaireRef("alf-usve", "2021"),
                new SubmissionSubmitted.UnitRef(unit, region, true, 2017), answers.deepCopy(), Instant.now(),
                "service-account-region-" + region);
        return JSON.writeValueAsString(CloudEvent.create("/alf-monitor/bench", Topic.SUBMISSIONS, id.toString(),
                data));
    }

    /** An assessment as assessment-service publishes it: 27 levels, none awaiting review, each explained. */
    private String event(String campaign, String unit, String region) throws Exception {
        List<AssessmentCompleted.Level> levels = new ArrayList<>(27);
        int met = 0;
        for (int n = 1; n <= 27; n++) {
            int draw = random.nextInt(10);
            LevelOutcome outcome = draw < 7 ? LevelOutcome.MET : draw < 9 ? LevelOutcome.NOT_MET
                    : LevelOutcome.NOT_APPLICABLE;
            met += outcome.fulfilled() ? 1 : 0;
            ObjectNode explanation = JSON.createObjectNode().put("ruleSetVersion", "2021.1")
                    .put("sv", "Nivå " + n + ": svaret på fråga " + n + " uppfyller regeln i regeluppsättningen.")
                    .put("en", "Level " + n + ": the answer to question " + n + " meets the rule of the rule set.");
            explanation.putArray("items").addObject().put("item", String.valueOf(n)).put("answer", "JA");
            levels.add(new AssessmentCompleted.Level(n, AREAS[n == 1 ? 0 : n <= 11 ? 1 : n <= 19 ? 2 : 3],
                    outcome, explanation));
        }
        AssessmentCompleted data = new AssessmentCompleted(unit, region, campaign, UUID.randomUUID(), 1, 1,
                "2021.1", Instant.now(), met, met == 27, 0, levels);
        return JSON.writeValueAsString(CloudEvent.create("/alf-monitor/bench", Topic.ASSESSMENTS, unit, data));
    }

    /**
     * The national monitor's access token, fetched again after half its lifespan: a run outlasts the realm's 15
     * minutes, and a GET refused 401 must not read as a value not there yet.
     */
    private String token() {
        if (token == null || System.nanoTime() - tokenFetched > TOKEN_RENEWAL) {
            token = suite.tokens().nationalMonitor();
            tokenFetched = System.nanoTime();
        }
        return token;
    }

    /** The value's denominator, 0 while it does not exist (404); any other answer than 200 or 404 fails the run. */
    private int denominator(String path) {
        return read(path).path("denominator").asInt();
    }

    /** The value, missing while it does not exist (404); any other answer than 200 or 404 fails the run. */
    private JsonNode read(String path) {
        HttpResponse<String> response = http.getResponse(Service.INDICATOR, path, token());
        if (response.statusCode() == 404) {
            return JSON.missingNode();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " during P5");
        }
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value's number of members ({@code inputs.members}), 0 while it does not exist (404). */
    private int members(String path) {
        return read(path).path("inputs").path("members").asInt();
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }

    /** The events' JSON, one insert per transaction, sequentially, into a scratch database of the same server. */
    private double oneTransactionPerEvent(List<String> payloads) throws Exception {
        String postgresUrl = suite.jdbcUrl(Service.INDICATOR).replace("/" + Service.INDICATOR.database, "/postgres");
        String url = suite.jdbcUrl(Service.INDICATOR).replace("/" + Service.INDICATOR.database, "/bench_p5");
        try (Connection c = DriverManager.getConnection(postgresUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists bench_p5");
            s.execute("create database bench_p5");
        }
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table event (id bigint generated always as identity primary key,"
                        + " payload jsonb not null)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("insert into event (payload) values (?::jsonb)")) {
                for (String payload : payloads) {
                    insert.setString(1, payload);
                    insert.executeUpdate();
                    c.commit();
                }
            }
            return payloads.size() / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
