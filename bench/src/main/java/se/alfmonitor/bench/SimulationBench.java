package se.alfmonitor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.e2e.PostgresServer;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * P6: simulating a candidate rule set on a campaign of N units, through assessment-service's public API (upload the
 * candidate with {@code PUT /api/rule-sets/{version}}, {@code POST .../simulations}, read the progress from
 * {@code GET .../simulations} until it is DONE), at growing N to show whether the cost is linear.
 *
 * <p>The units are seeded as P3 seeds them ({@link ReassessmentBench#seed}: COPY of latest assessments evaluated by
 * the real engine under the shipped rule set, with their review and remediation items), one size after the other,
 * each adding units to the last. The same-run baseline, the engine alone evaluating the candidate for the same units
 * in this JVM without reading or writing anything, is {@link ReassessmentBench#engineAlone}: it stays in that class
 * with P3's, the only one of the benchmarks that uses assessment-service's classes, because it is the engine itself
 * that is measured; this class uses nothing of assessment-service but its API and its database.
 *
 * <p>A figure that cannot be measured (a simulation that fails or does not finish, a size that cannot be seeded) is
 * reported as such and the next size is tried; nothing here ends the run with an exception.
 */
final class SimulationBench {

    /** The shipped candidate: level 8 read as "more than five" articles (AMB-02). */
    static final String CANDIDATE_FILE = "assessment-service/src/main/resources/rule-sets/candidates/"
            + "level-8-more-than-five.json";
    private static final String CAMPAIGN = "alf-2018-2021";
    private static final String PREFIX = "S-";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final Bench.Report report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulationBench(Suite suite, Bench.Report report) {
        this.suite = suite;
        this.report = report;
    }

    /** One size: {units, simulation wall s, engine-alone wall s (changed levels), ...}; NaN where not measured. */
    private record Point(int units, double wall, double serverSeconds, double cpu, double postgresCpu,
            double engineWall, double engineCpu, double engineAllWall, double engineAllCpu) {
    }

    void run() {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.p6.units", "10000,50000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        Path candidateFile = Bench.ROOT.resolve(CANDIDATE_FILE);
        String version;
        try {
            JsonNode candidate = JSON.readTree(Files.readString(candidateFile));
            version = candidate.path("version").asText();
            upload(version, Files.readString(candidateFile));
        } catch (Exception e) {
            report.line("P6 not measured: the candidate %s could not be uploaded: %s", CANDIDATE_FILE, e);
            return;
        }
        report.line("P6 rule-set simulation: candidate %s (%s) on campaign %s, N seeded units, sizes %s", version,
                candidateFile.getFileName(), CAMPAIGN, sizes);
        ReassessmentBench seeder;
        List<ReassessmentBench.Variant> variants;
        try {
            seeder = new ReassessmentBench(suite, report);
            variants = seeder.variants();
            seeder.truncate();
        } catch (Exception e) {
            report.line("P6 not measured: the units could not be prepared: %s", e);
            return;
        }
        List<Point> points = new ArrayList<>();
        int seeded = 0;
        boolean warmedUp = false;
        for (int units : new TreeSet<>(sizes)) {
            try {
                long started = System.nanoTime();
                ReassessmentBench.Seeded s = seeder.seed(seeded, units, PREFIX, variants);
                report.line("P6 N=%,d: seeded %,d more units in %.1f s (%,d review items, %,d remediation items)",
                        units, units - seeded, (System.nanoTime() - started) / 1e9, s.reviews(), s.remediations());
                seeded = units;
                analyze();
            } catch (Exception e) {
                report.line("P6 N=%,d not measured: seeding failed: %s", units, e);
                break;
            }
            try {
                if (!warmedUp) {
                    warmedUp = true;
                    warmUp(version, units);
                }
            } catch (Exception e) {
                report.line("P6 N=%,d: warm-up not measured: %s", units, e);
            }
            try {
                points.add(round(version, candidateFile, units, variants, seeder));
            } catch (Exception e) {
                report.line("P6 N=%,d not measured: %s", units, e);
            }
        }
        linearity(points);
    }

    /**
     * One simulation of the first size, timed but left out of the linearity: the first on a freshly started service
     * also pays for compiling its code paths (P3 saw the same), which would be charged to the smallest size alone.
     */
    private void warmUp(String version, int units) throws Exception {
        long started = System.nanoTime();
        JsonNode done = awaitDone(version, start(version), started, new ArrayList<>());
        report.line("P6 N=%,d: warm-up, the first simulation since the service started: %s", units, done == null
                ? "did not finish within " + TIMEOUT.toMinutes() + " min"
                : String.format("%.1f s, %s (not in the linearity)", (System.nanoTime() - started) / 1e9,
                        done.path("status").asText()));
    }

    private Point round(String version, Path candidateFile, int units, List<ReassessmentBench.Variant> variants,
            ReassessmentBench seeder) {
        double[] engine = { Double.NaN, Double.NaN };
        double[] engineAll = { Double.NaN, Double.NaN };
        try {
            engine = seeder.engineAlone(candidateFile, units, variants, true);
            engineAll = seeder.engineAlone(candidateFile, units, variants, false);
        } catch (RuntimeException e) {
            report.line("P6 N=%,d: baseline not measured: %s", units, e);
        }
        long pid = suite.service(Service.ASSESSMENT).pid();
        long postgres = suite.postgres().pid();
        double cpuBefore = Machine.cpuSeconds(pid);
        double postgresBefore = Machine.cpuSecondsWithChildren(postgres);
        long started = System.nanoTime();
        JsonNode done;
        List<Integer> progress = new ArrayList<>();
        String id;
        try {
            id = start(version);
            done = awaitDone(version, id, started, progress);
        } catch (Exception e) {
            report.line("P6 N=%,d not measured: %s", units, e);
            return new Point(units, Double.NaN, Double.NaN, Double.NaN, Double.NaN, engine[0], engine[1],
                    engineAll[0], engineAll[1]);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = Machine.cpuSeconds(pid) - cpuBefore;
        double postgresCpu = Machine.cpuSecondsWithChildren(postgres) - postgresBefore;
        if (done == null || !"DONE".equals(done.path("status").asText())) {
            report.line("P6 N=%,d not measured: the simulation %s", units, done == null
                    ? "did not finish within " + TIMEOUT.toMinutes() + " min"
                    : "ended " + done.path("status").asText() + ": " + done.path("failure").asText());
            return new Point(units, Double.NaN, Double.NaN, cpu, postgresCpu, engine[0], engine[1], engineAll[0],
                    engineAll[1]);
        }
        double server = Duration.between(java.time.Instant.parse(done.path("requestedAt").asText()),
                java.time.Instant.parse(done.path("finishedAt").asText())).toNanos() / 1e9;
        report.line("P6 N=%,d: simulation %.1f s from POST to DONE seen (%.1f s requestedAt -> finishedAt), %,.0f units"
                + " per second, %d units evaluated; target <= 30 s at 100,000: %s", units, wall, server,
                units / wall, done.path("evaluated").asInt(), units < 100_000 ? "n/a at this size"
                        : wall <= 30 ? "met" : "not met");
        report.line("P6 N=%,d:   progress seen while it ran (evaluated of %,d): %s", units, units, progress);
        result(units, UUID.fromString(id));
        report.line("P6 N=%,d:   assessment-service %.1f CPU s (%.2f ms per unit), PostgreSQL %.1f CPU s", units, cpu,
                cpu * 1000 / units, postgresCpu);
        report.line("P6 N=%,d:   baseline, the engine alone on the same units in this JVM (%d cores), nothing read or"
                + " written: the changed levels only (the rest carried over, as the simulation does) %.2f s wall,"
                + " %.2f CPU s -> simulation/engine %.1fx (wall); every level %.2f s wall, %.2f CPU s -> %.1fx", units,
                Runtime.getRuntime().availableProcessors(), engine[0], engine[1], wall / engine[0], engineAll[0],
                engineAll[1], wall / engineAll[0]);
        report.line("P6 N=%,d:   %s", units, Machine.load());
        return new Point(units, wall, server, cpu, postgresCpu, engine[0], engine[1], engineAll[0], engineAll[1]);
    }

    /** What the stored result says, read by SQL (the API's GET of a DONE simulation answers every change). */
    private void result(int units, UUID id) {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement("""
                select result->>'unitsChanged', result->>'levelsChanged',
                    (select count(*) from rule_set_simulation_change where simulation_id = s.id),
                    (select count(*) from rule_set_simulation_change where simulation_id = s.id and level = 8
                        and from_outcome = 'MET' and to_outcome = 'NOT_MET'),
                    result->'delta'->'levels'->7->'nation'->>'share'
                from rule_set_simulation s where id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    report.line("P6 N=%,d:   %s units changed, %s unit levels (%d rows stored, %d of them level 8"
                            + " MET -> NOT_MET); nation's level 8 share moves by %s points", units, rs.getString(1),
                            rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
                }
            }
        } catch (SQLException e) {
            report.line("P6 N=%,d:   result not read: %s", units, e);
        }
    }

    private void linearity(List<Point> points) {
        List<Point> measured = points.stream().filter(p -> !Double.isNaN(p.wall())).toList();
        if (measured.size() < 2) {
            report.line("P6 linearity not measured: %d size(s) measured", measured.size());
            return;
        }
        StringBuilder perUnit = new StringBuilder();
        for (Point p : measured) {
            perUnit.append(String.format("%s%,d: %.1f ms", perUnit.isEmpty() ? "" : ", ", p.units(),
                    p.wall() * 1_000_000 / p.units()));
        }
        Point first = measured.get(0);
        Point last = measured.get(measured.size() - 1);
        report.line("P6 linearity: wall time per 1,000 units %s; %.1fx the units took %.1fx the time; slope %.0f ms"
                + " (wall) and %.2f assessment-service CPU s per 1,000 units", perUnit, (double) last.units()
                        / first.units(), last.wall() / first.wall(), slope(measured, Point::wall) * 1_000_000,
                slope(measured, Point::cpu) * 1000);
    }

    private static double slope(List<Point> points, java.util.function.ToDoubleFunction<Point> y) {
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Point p : points) {
            sx += p.units();
            sy += y.applyAsDouble(p);
            sxx += (double) p.units() * p.units();
            sxy += p.units() * y.applyAsDouble(p);
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private void upload(String version, String document) throws Exception {
        HttpResponse<String> response = http.send(request("/api/rule-sets/" + version)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String start(String version) throws Exception {
        HttpResponse<String> response = http.send(request("/api/rule-sets/" + version + "/simulations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"campaignId\":\"" + CAMPAIGN + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST simulations answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /**
     * Polls the candidate's list of simulations (summaries: status, evaluated, total) every 100 ms until this one is
     * no longer RUNNING; the GET of the simulation itself would answer its every change once DONE.
     *
     * @return its summary, or null when it did not finish in time
     */
    private JsonNode awaitDone(String version, String id, long started, List<Integer> progress) throws Exception {
        while (System.nanoTime() - started < TIMEOUT.toNanos()) {
            HttpResponse<String> response = http.send(request("/api/rule-sets/" + version + "/simulations").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET simulations answered " + response.statusCode() + ": "
                        + response.body());
            }
            for (JsonNode summary : JSON.readTree(response.body())) {
                if (!summary.path("id").asText().equals(id)) {
                    continue;
                }
                if (!"RUNNING".equals(summary.path("status").asText())) {
                    return summary;
                }
                int evaluated = summary.path("evaluated").asInt();
                if (progress.isEmpty() || progress.get(progress.size() - 1) != evaluated) {
                    progress.add(evaluated);
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** A request with a token fetched now: a run can outlast one token's lifetime. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(suite.url(Service.ASSESSMENT) + path))
                .header("Authorization", "Bearer " + suite.tokens().user("admin"))
                .timeout(Duration.ofMinutes(2));
    }

    private void analyze() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze assessment");
            s.execute("vacuum analyze review_item");
            s.execute("vacuum analyze site_visit_override");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(Service.ASSESSMENT), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }
}
