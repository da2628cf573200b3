package se.alfmonitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.reassessment.LevelSummary;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.assessment.rules.CelLevelEvaluator;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewDecision;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewRequest;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.UnitFacts;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSetCompiler;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.e2e.Fixtures;
import se.alfmonitor.e2e.PostgresServer;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Kept whole at about 620 lines: seeding, the same-run baselines and the report are the steps of one measurement
 * and share its units, databases and timings; split, each part would only be called from here. P6
 * ({@link SimulationBench}) uses its seeding and its engine-alone baseline ({@link #engineAlone}), so that the
 * engine's classes stay in this one class. Seeding through
 * public APIs or SQL fixtures instead of the service's engine (an open item) would shrink it.
 *
 * <p>P3: publishing a new rule set version re-assesses the latest assessment of every unit, and indicator-service and
 * reporting-service re-aggregate what changed. The units' latest assessments are seeded straight into the
 * assessment database (COPY) with varied answers derived from the complete fixture, each evaluated by the real
 * engine under the shipped rule set, with the review items and remediation items such an assessment leaves behind.
 *
 * <p>Baselines, in the same run: the same number of evaluations by {@link CelLevelEvaluator} alone in this JVM, and
 * one plain SQL update of the same rows (rolled back).
 */
final class ReassessmentBench {

    static final String SHIPPED_FILE = "alf-usve-2021-v1.json";
    static final String BENCH_VERSION = "2021.2-bench";
    private static final String CAMPAIGN = "alf-2018-2021";
    private static final String[] REGIONS = { "01", "03", "05", "12", "14", "18", "24" };
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int CHUNK = 1000;
    private static final int VARIANTS = 1000;
    private static final int BASELINE_MAX = 10_000;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Suite suite;
    private final Bench.Report report;
    private final CelLevelEvaluator evaluator = new CelLevelEvaluator();
    private final CompiledRuleSet shipped = RuleSetCompiler.fromClasspath(SHIPPED_FILE);
    private final CompiledRuleSet bench;
    private final ObjectNode fixture = JSON.valueToTree(Fixtures.completeAlfUsve());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReassessmentBench(Suite suite, Bench.Report report) {
        this.suite = suite;
        this.report = report;
        this.bench = RuleSetCompiler.fromFile(Bench.ROOT.resolve("bench/target/bench-rule-sets/" + benchFile()));
    }

    /**
     * The shipped rule set with level 8 read as AMB-02's first alternative ("more than five" articles instead of
     * "at least five"), as a draft version an operator could publish. assessment-service reads it from the directory
     * given by {@code alf.assessment.rule-set-directory}.
     */
    static void writeBenchRuleSet(Path directory) throws IOException {
        ObjectNode document;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("rule-sets/" + SHIPPED_FILE)) {
            document = (ObjectNode) JSON.readTree(in);
        }
        document.put("version", BENCH_VERSION);
        document.put("status", "DRAFT");
        document.putNull("publishedAt");
        for (JsonNode level : document.withArray("levels")) {
            if (level.path("number").asInt() == 8) {
                ((ObjectNode) level).put("met", level.path("met").asText().replace(")) >= 5", ")) > 5"));
            }
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(benchFile()), JSON.writeValueAsString(document));
    }

    private static String benchFile() {
        return "alf-usve-2021-bench.json";
    }

    void run() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.units", "1000,10000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        report.line("P3 re-assessment: publish rule set %s (level 8 stricter) over N seeded units", BENCH_VERSION);
        List<Variant> variants = variants();
        List<double[]> points = new ArrayList<>();
        for (int units : sizes) {
            points.add(round(units, variants));
        }
        if (points.size() >= 2) {
            double downstream = slope(points, 2);
            report.line("P3 slope (least squares over %d sizes): re-assessment %.0f ms (wall) and %.2f CPU s per 1,000"
                    + " units; until downstream caught up: %s", points.size(), slope(points, 1) * 1000,
                    slope(points, 3) * 1000, Double.isNaN(downstream) ? "not measured (did not catch up)"
                            : String.format("%.0f ms per 1,000 units", downstream * 1000));
        }
    }

    /** @return {units, publish ms, caught-up ms, assessment-service CPU s} */
    private double[] round(int units, List<Variant> variants) throws Exception {
        String prefix = "B" + units + "-";
        Seeded seeded;
        try (Connection assessment = connect(Service.ASSESSMENT)) {
            try (Statement s = assessment.createStatement()) {
                s.execute("truncate assessment, review_audit, review_item, remediation_item, rule_set_activation");
            }
            long started = System.nanoTime();
            seeded = seed(units, prefix, variants);
            try (Statement s = assessment.createStatement()) {
                s.execute("vacuum analyze assessment");
                s.execute("vacuum analyze review_item");
                s.execute("vacuum analyze remediation_item");
            }
            report.line("P3 N=%,d seeded in %.1f s (%,d review items, %,d remediation items)", units,
                    seconds(System.nanoTime() - started), seeded.reviews(), seeded.remediations());
        }
        double jdbcMs = plainUpdateMs();
        Counts before = counts();
        long pid = suite.service(Service.ASSESSMENT).pid();
        resetStatementStatistics();
        boolean paused = downstreamPaused();
        if (paused) {
            // the consumers' share of the cores, their databases and the broker goes to the re-assessment alone, as
            // where they run on machines of their own; they catch up after the call
            suite.service(Service.INDICATOR).stop();
            suite.service(Service.REPORTING).stop();
        }
        double[] othersBefore = otherCpuSeconds();
        double cpuBefore = Machine.cpuSeconds(pid);
        long started = System.nanoTime();
        JsonNode result = publish();
        long published = System.nanoTime() - started;
        double cpu = Machine.cpuSeconds(pid) - cpuBefore;
        double[] others = otherCpuSeconds();
        for (int i = 0; i < others.length; i++) {
            others[i] -= othersBefore[i];
        }
        if (paused) {
            suite.service(Service.INDICATOR).start();
            suite.service(Service.REPORTING).start();
            suite.awaitReady(Service.INDICATOR);
            suite.awaitReady(Service.REPORTING);
        }
        int changed = result.path("changed").asInt();
        long caughtUp = awaitCaughtUp(before, changed, started);
        double evalMs = evaluationCpuSeconds(units, variants) * 1000;
        report.line("P3 N=%,d: re-assessment (publish call) %.1f s, %d assessed, %d changed; %.1f ms per 1,000 units;"
                + " %,.0f units per second; indicator-service and reporting-service %s", units, seconds(published),
                result.path("assessed").asInt(), changed, published / 1e6 / units * 1000, units / seconds(published),
                paused ? "stopped during the call" : "consuming during the call");
        report.line("P3 N=%,d:   assessment-service used %.1f CPU s (%.1f CPU ms per unit); baseline CelLevelEvaluator"
                + " alone %.1f CPU s -> ratio %.1fx; plain SQL update of the rows %.1f s -> ratio %.1fx (wall)", units,
                cpu, cpu * 1000 / units, evalMs / 1000, cpu * 1000 / evalMs, jdbcMs / 1000,
                published / 1e6 / jdbcMs);
        report.line("P3 N=%,d:   CPU during the publish call besides assessment-service: PostgreSQL %.1f s (all four"
                + " databases), Kafka %.1f s, indicator-service %.1f s, reporting-service %.1f s; all together %.1f of"
                + " the %.1f CPU s the cores offered", units, others[0], others[1], others[2], others[3],
                cpu + others[0] + others[1] + others[2] + others[3],
                seconds(published) * Runtime.getRuntime().availableProcessors());
        for (String statement : topStatements()) {
            report.line("P3 N=%,d:   alf_assessment %s", units, statement);
        }
        report.line("P3 N=%,d:   %s", units, Machine.load());
        if (caughtUp > 0) {
            report.line("P3 N=%,d:   indicator-service and reporting-service caught up %.1f s after the publish call"
                    + " began (target <= 60 s at 100,000: %s)", units, seconds(caughtUp),
                    seconds(caughtUp) <= 60 ? "met" : "not met");
        }
        return new double[] { units, published / 1e6, caughtUp > 0 ? caughtUp / 1e6 : Double.NaN, cpu };
    }

    /** {@code bench.p3.downstream}: {@code running} (the default) or {@code paused} during the publish call. */
    private static boolean downstreamPaused() {
        String mode = System.getProperty("bench.p3.downstream", "running");
        return switch (mode) {
            case "running" -> false;
            case "paused" -> true;
            default -> throw new IllegalArgumentException("bench.p3.downstream is running or paused, not " + mode);
        };
    }

    /** CPU seconds so far of PostgreSQL (with its backends), Kafka, indicator-service and reporting-service. */
    private double[] otherCpuSeconds() {
        return new double[] { Machine.cpuSecondsWithChildren(suite.postgres().pid()),
                Machine.cpuSeconds(suite.kafkaPid()), Machine.cpuSeconds(suite.service(Service.INDICATOR).pid()),
                Machine.cpuSeconds(suite.service(Service.REPORTING).pid()) };
    }

    /** Starts pg_stat_statements' counts of the assessment database afresh (the suite's server preloads it). */
    private void resetStatementStatistics() throws SQLException {
        try (Connection c = connect(Service.ASSESSMENT); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The assessment database's statements that took the most time since the reset, as report lines. */
    private List<String> topStatements() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(Service.ASSESSMENT); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select total_exec_time / 1000, calls, rows,
                            left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                        order by total_exec_time desc limit 8""")) {
            while (rs.next()) {
                lines.add(String.format("%6.1f s in %,7d calls (%,9d rows): %s", rs.getDouble(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4)));
            }
        }
        return lines;
    }

    record Seeded(long reviews, long remediations) {
    }

    /** A review the seeded assessment read: the example and the assessor's decision on it. */
    private record SeededReview(ReviewRequest request, String hash, ReviewDecision decision) {
    }

    /** One distinct answer set, evaluated once under the shipped rule set; many units share it. */
    record Variant(String answers, UnitFacts facts, String levels, String levelSummary, int met,
            boolean allMet, int pending, String areas, List<SeededReview> reviews,
            List<AssessmentCompleted.Level> unfulfilled) {
    }

    /**
     * COPY of N latest assessments with their review and remediation items. The units share {@value #VARIANTS}
     * answer sets (unit i has set i mod {@value #VARIANTS}), each evaluated by the real engine, so that seeding
     * 100,000 units costs copying, not 100,000 evaluations here.
     */
    private Seeded seed(int units, String prefix, List<Variant> variants) throws SQLException {
        return seed(0, units, prefix, variants);
    }

    /** {@link #seed(int, String, List)} of the units {@code first} (inclusive) to {@code units} (exclusive). */
    Seeded seed(int first, int units, String prefix, List<Variant> variants) throws SQLException {
        try (Connection a = connect(Service.ASSESSMENT); Connection r = connect(Service.ASSESSMENT);
                Connection m = connect(Service.ASSESSMENT)) {
            CopyIn assessments = copy(a, "copy assessment (unit_id, region_code, campaign_id, submission_id,"
                    + " submission_revision, version, rule_set_version, assessed_at, met_count, all_met,"
                    + " pending_reviews, levels, latest, questionnaire_key, questionnaire_version, answers,"
                    + " direct_patient_contact, designated_year, areas, reason, level_summary)"
                    + " from stdin with (format csv)");
            CopyIn reviews = copy(r, "copy review_item (id, unit_id, region_code, campaign_id, submission_id,"
                    + " submission_revision, level, item_id, example_text, text_hash, criteria_sv, criteria_en,"
                    + " rule_set_version, status, comment, decided_by, decided_at, created_at, version)"
                    + " from stdin with (format csv)");
            CopyIn remediations = copy(m, "copy remediation_item (unit_id, region_code, campaign_id, level, area,"
                    + " outcome, status, due_date, opened_at, assessment_version) from stdin with (format csv)");
            long reviewCount = 0;
            long remediationCount = 0;
            Instant now = Instant.now();
            for (int from = first; from < units; from += CHUNK) {
                StringBuilder assessmentRows = new StringBuilder();
                StringBuilder reviewRows = new StringBuilder();
                StringBuilder remediationRows = new StringBuilder();
                for (int i = from; i < Math.min(units, from + CHUNK); i++) {
                    Variant v = variants.get(i % variants.size());
                    String unitId = prefix + i;
                    String region = REGIONS[i % REGIONS.length];
                    UUID submission = UUID.randomUUID();
                    // each unit's explanations name its own review items, as the service's would
                    String levels = v.levels();
                    String summary = v.levelSummary();
                    List<UUID> reviewIds = new ArrayList<>();
                    for (SeededReview review : v.reviews()) {
                        UUID id = UUID.randomUUID();
                        levels = levels.replace(review.decision().reviewId().toString(), id.toString());
                        summary = summary.replace(review.decision().reviewId().toString(), id.toString());
                        reviewIds.add(id);
                    }
                    csvLine(assessmentRows, unitId, region, CAMPAIGN, submission, 1, 1, shipped.version(), now,
                            v.met(), v.allMet(), v.pending(), levels, true, shipped.questionnaireKey(),
                            shipped.questionnaireVersion(), v.answers(), v.facts().directPatientContact(),
                            v.facts().designatedYear(), v.areas(), AssessmentService.REASON_SUBMISSION,
                            summary);
                    for (int k = 0; k < v.reviews().size(); k++) {
                        SeededReview review = v.reviews().get(k);
                        ReviewDecision d = review.decision();
                        boolean decided = d.status() != ReviewStatus.PENDING;
                        csvLine(reviewRows, reviewIds.get(k), unitId, region, CAMPAIGN, submission, 1,
                                review.request().level(), review.request().itemId(), review.request().text(),
                                review.hash(), review.request().review().criteriaSv(),
                                review.request().review().criteriaEn(), shipped.version(), d.status().name(),
                                d.comment(), d.decidedBy(), decided ? now : null, now, 0);
                        reviewCount++;
                    }
                    for (AssessmentCompleted.Level level : v.unfulfilled()) {
                        csvLine(remediationRows, unitId, region, CAMPAIGN, level.number(), level.area(),
                                level.outcome().name(), "OPEN", LocalDate.of(2024, 8, 31), now, 1);
                        remediationCount++;
                    }
                }
                write(assessments, assessmentRows);
                write(reviews, reviewRows);
                write(remediations, remediationRows);
            }
            assessments.endCopy();
            reviews.endCopy();
            remediations.endCopy();
            return new Seeded(reviewCount, remediationCount);
        }
    }

    /** The {@value #VARIANTS} answer sets the units share, each evaluated once under the shipped rule set. */
    List<Variant> variants() {
        return IntStream.range(0, VARIANTS).parallel().mapToObj(this::variant).toList();
    }

    /** Empties what a seeded round leaves in the assessment database (P3 and P6 start each from nothing). */
    void truncate() throws SQLException {
        try (Connection assessment = connect(Service.ASSESSMENT); Statement s = assessment.createStatement()) {
            s.execute("truncate assessment, review_audit, review_item, remediation_item, rule_set_activation");
        }
    }

    /**
     * P6's baseline: the engine alone evaluating the rule set in {@code ruleSetFile} for {@code units} units (the
     * variants in turn, with their decisions), in this JVM on every core, nothing read or written. {@code onlyChanged}
     * gives the engine the levels whose rule is as in the shipped rule set, as a simulation carries them over, so that
     * it evaluates only the changed ones; otherwise every level is evaluated. Above {@value #BASELINE_MAX} units it
     * measures that many and scales linearly.
     *
     * @return {wall seconds, CPU seconds summed over threads}
     */
    double[] engineAlone(Path ruleSetFile, int units, List<Variant> variants, boolean onlyChanged) {
        CompiledRuleSet ruleSet = RuleSetCompiler.fromFile(ruleSetFile);
        java.util.Set<Integer> carried = onlyChanged ? ruleSet.levelsUnchangedSince(shipped) : java.util.Set.of();
        int measured = Math.min(units, BASELINE_MAX);
        List<JsonNode> answers = variants.stream().map(v -> {
            try {
                return JSON.readTree(v.answers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        long started = System.nanoTime();
        long nanos = IntStream.range(0, measured).parallel().mapToLong(i -> {
            Variant v = variants.get(i % variants.size());
            long t = THREADS.getCurrentThreadCpuTime();
            evaluator.evaluate(ruleSet, answers.get(i % variants.size()), v.facts(),
                    request -> v.reviews().stream().filter(r -> r.request().level() == request.level()
                            && java.util.Objects.equals(r.request().itemId(), request.itemId()))
                            .findFirst().map(SeededReview::decision),
                    number -> carried.contains(number)
                            ? new LevelResult(number, "", LevelOutcome.MET, JSON.createObjectNode())
                            : null);
            return THREADS.getCurrentThreadCpuTime() - t;
        }).sum();
        double wall = (System.nanoTime() - started) / 1e9;
        return new double[] { wall * units / measured, nanos / 1e9 * units / measured };
    }

    /** Varied answers, evaluated under the shipped rule set with assessor decisions drawn at random. */
    private Variant variant(int i) {
        Random random = new Random(i * 7919L + 17);
        ObjectNode answers = variant(random, i);
        UnitFacts facts = new UnitFacts(random.nextInt(10) != 0, 2008 + random.nextInt(12));
        List<SeededReview> reviews = new ArrayList<>();
        List<LevelResult> results = evaluator.evaluate(shipped, answers, facts, request -> {
            ReviewStatus status = switch (random.nextInt(10)) {
                case 0 -> ReviewStatus.REJECTED;
                case 1, 2, 3 -> ReviewStatus.PENDING;
                default -> ReviewStatus.APPROVED;
            };
            boolean decided = status != ReviewStatus.PENDING;
            ReviewDecision decision = new ReviewDecision(UUID.randomUUID(), status,
                    decided ? "Bedömt i jämförelsemätningen" : null, decided ? "assessor" : null);
            reviews.add(new SeededReview(request, ReviewService.hash(request.text()), decision));
            return Optional.of(decision);
        });
        List<AssessmentCompleted.Level> levels = results.stream()
                .map(r -> new AssessmentCompleted.Level(r.number(), r.area(), r.outcome(), r.explanation())).toList();
        int met = (int) levels.stream().filter(l -> l.outcome().fulfilled()).count();
        int pending = (int) levels.stream().filter(l -> l.outcome() == LevelOutcome.PENDING_REVIEW).count();
        return new Variant(json(answers), facts, json(levels), json(LevelSummary.of(levels)), met,
                met == levels.size(), pending,
                json(AssessmentService.areas(levels)), reviews,
                levels.stream().filter(l -> !l.outcome().fulfilled()).toList());
    }

    /**
     * The baseline: the engine alone evaluating the new rule set for {@code units} units (the variants in turn, with
     * their decisions), in CPU time summed over threads. Above {@value #BASELINE_MAX} evaluations it measures that
     * many and scales linearly.
     */
    private double evaluationCpuSeconds(int units, List<Variant> variants) {
        int measured = Math.min(units, BASELINE_MAX);
        List<JsonNode> answers = variants.stream().map(v -> {
            try {
                return JSON.readTree(v.answers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        long nanos = IntStream.range(0, measured).parallel().mapToLong(i -> {
            Variant v = variants.get(i % variants.size());
            int[] next = { 0 };
            long t = THREADS.getCurrentThreadCpuTime();
            evaluator.evaluate(bench, answers.get(i % variants.size()), v.facts(),
                    request -> Optional.of(v.reviews().get(next[0]++).decision()));
            return THREADS.getCurrentThreadCpuTime() - t;
        }).sum();
        return nanos / 1e9 * units / measured;
    }

    /**
     * The complete fixture, varied as real units differ: articles per year around level 8's threshold, a "JA" now
     * and then a "NEJ", an answer left out, and each unit's own example texts.
     */
    private ObjectNode variant(Random random, int unit) {
        ObjectNode answers = fixture.deepCopy();
        List<String> names = new ArrayList<>();
        answers.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = answers.get(name);
            if (random.nextInt(60) == 0) {
                answers.remove(name);
            } else if (value.isTextual() && value.asText().equals("JA") && random.nextInt(25) == 0) {
                answers.put(name, "NEJ");
            } else if (value.isTextual() && value.asText().length() > 30) {
                answers.put(name, value.asText() + " (" + unit + ")");
            }
        }
        ObjectNode articles = answers.putObject("15");
        for (int year = 2018; year <= 2021; year++) {
            articles.put(String.valueOf(year), random.nextInt(4));
        }
        answers.put("experiencedSupervisors", random.nextInt(6));
        return answers;
    }

    /** One SQL update of every seeded row in one statement, rolled back: what the database alone needs. */
    private double plainUpdateMs() throws SQLException {
        try (Connection c = connect(Service.ASSESSMENT)) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update assessment set rule_set_version = '" + BENCH_VERSION
                        + "', assessed_at = now(), reason = 'RULE_SET' where latest");
            }
            double ms = (System.nanoTime() - started) / 1e6;
            c.rollback();
            return ms;
        }
    }

    private JsonNode publish() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(suite.url(Service.ASSESSMENT) + "/api/rule-sets/" + BENCH_VERSION + "/publish"))
                .header("Authorization", "Bearer " + suite.tokens().user("admin"))
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Publish answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private record Counts(long assessmentOutbox, long indicatorAssessments, long reportingAssessments,
            long indicatorOutbox, long indicatorOutboxTotal, long reportingIndicators) {
    }

    private Counts counts() throws SQLException {
        try (Connection a = connect(Service.ASSESSMENT); Connection i = connect(Service.INDICATOR);
                Connection r = connect(Service.REPORTING)) {
            return new Counts(
                    count(a, "select count(*) from outbox_event where published_at is null"),
                    count(i, "select count(*) from inbox_event where event_type like '%assessment%'"),
                    count(r, "select count(*) from inbox_event where event_type like '%assessment%'"),
                    count(i, "select count(*) from outbox_event where published_at is null"),
                    count(i, "select count(*) from outbox_event"),
                    count(r, "select count(*) from inbox_event where event_type like '%indicator%'"));
        }
    }

    /**
     * Waits until every changed assessment is published and consumed by both services and every indicator event
     * that caused is consumed by reporting-service.
     *
     * @return nanoseconds from {@code started}, or -1 if it did not happen within {@code bench.catch-up-timeout}
     */
    private long awaitCaughtUp(Counts before, int changed, long started) throws Exception {
        long timeout = Duration.ofSeconds(Long.getLong("bench.catch-up-timeout", 900)).toNanos();
        long lastPrint = System.nanoTime();
        while (System.nanoTime() - started < timeout) {
            Counts now = counts();
            long indicator = now.indicatorAssessments() - before.indicatorAssessments();
            long reporting = now.reportingAssessments() - before.reportingAssessments();
            long indicatorEvents = now.indicatorOutboxTotal() - before.indicatorOutboxTotal();
            long reportingIndicators = now.reportingIndicators() - before.reportingIndicators();
            if (now.assessmentOutbox() == 0 && indicator >= changed && reporting >= changed
                    && now.indicatorOutbox() == 0 && reportingIndicators >= indicatorEvents) {
                return System.nanoTime() - started;
            }
            if (System.nanoTime() - lastPrint > 15_000_000_000L) {
                lastPrint = System.nanoTime();
                report.line("P3   progress at %.0f s: assessment outbox %d unpublished; indicator %d/%d, reporting"
                        + " %d/%d assessments; indicator events %d, consumed by reporting %d",
                        seconds(System.nanoTime() - started), now.assessmentOutbox(), indicator, changed, reporting,
                        changed, indicatorEvents, reportingIndicators);
            }
            Thread.sleep(250);
        }
        Counts now = counts();
        report.line("P3   downstream not caught up within %d s: indicator %d/%d, reporting %d/%d assessments",
                timeout / 1_000_000_000L, now.indicatorAssessments() - before.indicatorAssessments(), changed,
                now.reportingAssessments() - before.reportingAssessments(), changed);
        return -1;
    }

    private Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(service), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CopyIn copy(Connection c, String sql) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    private static void write(CopyIn copy, StringBuilder rows) {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV line for COPY: null is an unquoted empty field, everything else quoted. */
    private static void csvLine(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) {
                out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /** Slope of column {@code y} over units, by least squares, per unit. */
    private static double slope(List<double[]> points, int y) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            if (Double.isNaN(p[y])) {
                continue;
            }
            n++;
            sx += p[0];
            sy += p[y];
            sxx += p[0] * p[0];
            sxy += p[0] * p[y];
        }
        return n < 2 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
