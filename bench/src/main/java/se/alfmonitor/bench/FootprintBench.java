package se.alfmonitor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import se.alfmonitor.e2e.ManagedProcess;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * P4: each service's start time (process start to {@code /q/health/ready} answering 200, started alone while the
 * rest of the suite idles) and its resident memory when idle, and the time for the whole suite to be ready. Baseline:
 * a JVM with the heap limit of most services (-Xmx256m; assessment-service has -Xmx512m) that only prints a line,
 * started and measured the same way.
 */
final class FootprintBench {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Bench.Report report;
    private double baselineStartMs;
    private double baselineRssMb;

    FootprintBench(Bench.Report report) {
        this.report = report;
    }

    /** Measured before the suite starts, so nothing else of ours is running. */
    void baseline() throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Process process = idleJvm(1);
            awaitReadyLine(process);
            best = Math.min(best, (System.nanoTime() - started) / 1e6);
            process.waitFor();
        }
        baselineStartMs = best;
        Process idle = idleJvm(SETTLE.toMillis() + 5_000);
        awaitReadyLine(idle);
        Thread.sleep(SETTLE.toMillis());
        baselineRssMb = Machine.rssMb(idle.pid());
        idle.destroy();
        idle.waitFor();
    }

    void run(Suite suite, long suiteReadyNanos) throws InterruptedException {
        report.line("P4 footprint (baseline: an empty JVM, -Xmx256m, starts in %.0f ms and idles at %.0f MB RSS)",
                baselineStartMs, baselineRssMb);
        report.line("P4 whole suite (PostgreSQL, Kafka, Keycloak, 4 services) ready in %.1f s (target <= 90 s)",
                suiteReadyNanos / 1e9);
        for (Service service : Service.values()) {
            ManagedProcess process = suite.service(service);
            process.stop();
            long started = System.nanoTime();
            process.start();
            suite.awaitReady(service);
            double startMs = (System.nanoTime() - started) / 1e6;
            Thread.sleep(SETTLE.toMillis());
            double rss = Machine.rssMb(process.pid());
            report.line("P4 %-18s start %5.2f s (%4.1fx baseline, target <= 5 s: %s); idle RSS %4.0f MB"
                    + " (%3.1fx baseline, target <= 300 MB: %s)", service.module, startMs / 1000,
                    startMs / baselineStartMs, startMs <= 5000 ? "met" : "not met", rss, rss / baselineRssMb,
                    rss <= 300 ? "met" : "not met");
        }
    }

    private static Process idleJvm(long millis) throws IOException {
        String classes = Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        return new ProcessBuilder(List.of(ManagedProcess.javaExecutable(), "-Xmx256m", "-cp", classes,
                IdleJvm.class.getName(), String.valueOf(millis))).redirectErrorStream(true).start();
    }

    private static void awaitReadyLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // JVM warnings, if any
        }
    }
}
