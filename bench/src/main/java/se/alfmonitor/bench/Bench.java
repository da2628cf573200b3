package se.alfmonitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Runs the benchmarks against the suite the end-to-end tests start (the packaged services as separate processes, a
 * real PostgreSQL, Kafka broker and Keycloak), printing every figure next to a baseline measured in the same run:
 * the machine is shared, so the ratios are what can be compared between runs.
 *
 * <p>Usage: {@code Bench p1|p2|p3|p4|p5|p6|all}. Nothing here asserts a time; the figures are for people to read.
 */
public final class Bench {

    static final Path ROOT = Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath().normalize();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String which = args.length == 0 ? "all" : args[0].toLowerCase(Locale.ROOT);
        List<String> chosen = which.equals("all") ? List.of("p4", "p1", "p2", "p5", "p3", "p6")
                : List.of(which.split(","));
        Report report = new Report();
        report.line("Machine: %s", Machine.describe());
        report.line("Date: %s", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));

        Map<Service, Map<String, String>> environment = new EnumMap<>(Service.class);
        Path ruleSets = ROOT.resolve("bench/target/bench-rule-sets");
        ReassessmentBench.writeBenchRuleSet(ruleSets);
        Map<String, String> assessment = new HashMap<>();
        assessment.put("ALF_ASSESSMENT_RULE_SET_DIRECTORY", ruleSets.toString());
        // e.g. -XX:StartFlightRecording=filename=...: to profile assessment-service while it re-assesses
        String assessmentJvmOptions = System.getProperty("bench.assessment.jvm-options", "");
        if (!assessmentJvmOptions.isBlank()) {
            assessment.put("JAVA_TOOL_OPTIONS", assessmentJvmOptions);
        }
        environment.put(Service.ASSESSMENT, assessment);

        FootprintBench footprint = new FootprintBench(report);
        footprint.baseline();
        long started = System.nanoTime();
        Suite suite = Suite.start(System.getProperty("bench.work", "bench/target/bench-suite"), environment);
        long suiteReady = System.nanoTime() - started;
        try {
            for (String bench : chosen) {
                switch (bench.strip()) {
                    case "p4" -> footprint.run(suite, suiteReady);
                    case "p5" -> new IndicatorBench(suite, report).run();
                    case "p1" -> new IngestionBench(suite, report).run();
                    case "p2" -> new FreshnessBench(suite, report).run();
                    case "p3" -> new ReassessmentBench(suite, report).run();
                    case "p6" -> new SimulationBench(suite, report).run();
                    default -> throw new IllegalArgumentException("Unknown benchmark " + bench
                            + "; use p1, p2, p3, p4, p5, p6 or all");
                }
            }
        } finally {
            report.print();
            Path out = ROOT.resolve("bench/target/bench-" + String.join("-", chosen) + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.text());
            System.out.println("Written to " + ROOT.relativize(out));
            suite.close();
        }
        System.exit(0);
    }

    /** The figures of one run, printed together at the end so that service logs do not bury them. */
    static final class Report {

        private final List<String> lines = new ArrayList<>();

        synchronized void line(String format, Object... args) {
            String line = String.format(format, args);
            lines.add(line);
            System.out.println("[bench] " + line);
        }

        synchronized String text() {
            return String.join("\n", lines) + "\n";
        }

        void print() {
            System.out.println("\n==== Benchmark figures ====\n" + text());
        }
    }
}
