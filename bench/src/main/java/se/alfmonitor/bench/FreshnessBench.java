package se.alfmonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * P2: time from a submit's 200 to the unit's assessment being visible in reporting-service (its unit scorecard
 * answers 200), for submissions started on an open-loop schedule of R per second: a slow answer does not delay the
 * next start. Baseline: the round trip of a trivial authenticated GET on reporting-service in the same run.
 */
final class FreshnessBench {

    private record Pending(String unitId, long submittedAt) {
    }

    private final Suite suite;
    private final Bench.Report report;
    private final SurveyClient survey;
    private final int rate = Integer.getInteger("bench.p2.rate", 100);
    private final int seconds = Integer.getInteger("bench.p2.seconds", 20);

    FreshnessBench(Suite suite, Bench.Report report) {
        this.suite = suite;
        this.report = report;
        this.survey = new SurveyClient(suite);
    }

    void run() throws Exception {
        int total = rate * seconds;
        List<String> units = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            units.add("14-P2-" + i);
        }
        ExecutorService setup = Executors.newFixedThreadPool(16);
        for (String unit : units) {
            setup.submit(() -> survey.registerUnit(unit));
        }
        setup.shutdown();
        setup.awaitTermination(10, TimeUnit.MINUTES);
        Histogram baseline = baseline();

        String token = suite.tokens().region(SurveyClient.REGION);
        Histogram freshness = new Histogram(3_600_000_000_000L, 3);
        ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger visible = new AtomicInteger();
        // enough senders that a slow answer never holds back the schedule
        ExecutorService senders = Executors.newCachedThreadPool();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        schedule.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            senders.submit(() -> {
                try {
                    survey.submitComplete(units.get(i));
                    pending.add(new Pending(units.get(i), System.nanoTime()));
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);

        int pollers = 8;
        ExecutorService polling = Executors.newFixedThreadPool(pollers);
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds + 120L);
        for (int p = 0; p < pollers; p++) {
            polling.submit(() -> {
                while (visible.get() + failed.get() < total && System.nanoTime() < deadline) {
                    Pending item = pending.poll();
                    if (item == null) {
                        sleep(2);
                        continue;
                    }
                    int status = survey.get(Service.REPORTING, "/api/units/" + item.unitId()
                            + "/scorecard?campaignId=alf-2018-2021", token);
                    if (status == 200) {
                        freshness.recordValue(System.nanoTime() - item.submittedAt());
                        visible.incrementAndGet();
                    } else {
                        pending.add(item);
                    }
                }
            });
        }
        polling.shutdown();
        polling.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
        schedule.shutdownNow();
        senders.shutdownNow();
        report.line("P2 freshness at %d submissions/s for %d s (open loop): %d of %d visible, %d failed;"
                + " submit 200 -> unit scorecard 200: p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                + " (targets p50 <= 150 ms: %s, p99 <= 1 s: %s)", rate, seconds, visible.get(), total, failed.get(),
                ms(freshness.getValueAtPercentile(50)), ms(freshness.getValueAtPercentile(99)),
                ms(freshness.getMaxValue()), ms(freshness.getValueAtPercentile(50)) <= 150 ? "met" : "not met",
                ms(freshness.getValueAtPercentile(99)) <= 1000 ? "met" : "not met");
        report.line("P2   baseline: authenticated GET /api/regions/14/scorecard round trip p50 %.1f ms, p99 %.1f ms"
                + " -> freshness p50 is %.0fx the baseline p50", ms(baseline.getValueAtPercentile(50)),
                ms(baseline.getValueAtPercentile(99)),
                (double) freshness.getValueAtPercentile(50) / baseline.getValueAtPercentile(50));
    }

    /** A trivial authenticated read on the same service, sequentially, after a warm-up. */
    private Histogram baseline() {
        String token = suite.tokens().user("viewer");
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < 600; i++) {
            long t = System.nanoTime();
            survey.get(Service.REPORTING, "/api/regions/14/scorecard?campaignId=alf-2018-2021", token);
            if (i >= 100) {
                histogram.recordValue(System.nanoTime() - t);
            }
        }
        return histogram;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
