package se.alfmonitor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import se.alfmonitor.e2e.PostgresServer;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * P1: complete {@code alf-usve} submissions (draft and submit, with real tokens) accepted per second by
 * survey-service at concurrency C. Ceiling: the same JSON inserted as one row per transaction straight into the same
 * PostgreSQL by JDBC, at the same concurrency.
 */
final class IngestionBench {

    private final Suite suite;
    private final Bench.Report report;
    private final SurveyClient survey;
    private final int concurrency = Integer.getInteger("bench.concurrency", 16);
    private final int submissions = Integer.getInteger("bench.p1.submissions", 2000);

    IngestionBench(Suite suite, Bench.Report report) {
        this.suite = suite;
        this.report = report;
        this.survey = new SurveyClient(suite);
    }

    void run() throws Exception {
        int warmUp = Math.max(concurrency * 10, submissions / 10);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < warmUp + submissions; i++) {
            units.add("14-P1-" + i);
        }
        inParallel(units, survey::registerUnit);
        inParallel(units.subList(0, warmUp), survey::submitComplete);
        long started = System.nanoTime();
        inParallel(units.subList(warmUp, units.size()), survey::submitComplete);
        double serviceRate = submissions / ((System.nanoTime() - started) / 1e9);
        double ceiling = jdbcCeiling();
        report.line("P1 ingestion at concurrency %d: %.1f complete submissions/s accepted by survey-service"
                + " (draft + submit, %d after %d warm-up); ceiling %.1f JSON rows/s by JDBC -> ratio %.2f"
                + " (target >= 0.6: %s)", concurrency, serviceRate, submissions, warmUp, ceiling,
                serviceRate / ceiling, serviceRate / ceiling >= 0.6 ? "met" : "not met");
    }

    /** The same answers, one insert per transaction, into a scratch database of the same server. */
    private double jdbcCeiling() throws Exception {
        String postgresUrl = suite.jdbcUrl(Service.SURVEY).replace("/" + Service.SURVEY.database, "/postgres");
        String url = suite.jdbcUrl(Service.SURVEY).replace("/" + Service.SURVEY.database, "/bench_ceiling");
        try (Connection c = DriverManager.getConnection(postgresUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists bench_ceiling");
            s.execute("create database bench_ceiling");
        }
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create table submission (id uuid primary key, unit_id text not null, answers jsonb not null,"
                    + " submitted_at timestamptz not null default now())");
        }
        String answers = survey.answersJson();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            connections.add(DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD));
        }
        BlockingQueue<Connection> idle = new LinkedBlockingQueue<>(connections);
        java.util.function.Consumer<String> insert = unit -> {
            Connection c = idle.poll();
            try {
                insert(c, unit, answers);
            } finally {
                idle.add(c);
            }
        };
        try {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < submissions * 2; i++) {
                rows.add("14-CEIL-" + i);
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                // the first half warms up the server and the driver
                runAll(pool, rows.subList(0, submissions), insert);
                long started = System.nanoTime();
                runAll(pool, rows.subList(submissions, rows.size()), insert);
                return submissions / ((System.nanoTime() - started) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static void insert(Connection c, String unit, String answers) {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into submission (id, unit_id, answers) values (?, ?, ?::jsonb)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, unit);
            insert.setString(3, answers);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inParallel(List<String> units, java.util.function.Consumer<String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            runAll(pool, units, work);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every item on the pool, at most the pool's size at a time; fails on the first failure. */
    private static void runAll(ExecutorService pool, List<String> items, java.util.function.Consumer<String> work)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (String item : items) {
            futures.add(pool.submit(() -> work.accept(item)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
