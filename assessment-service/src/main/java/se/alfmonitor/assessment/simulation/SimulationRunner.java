package se.alfmonitor.assessment.simulation;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.config.AssessmentConfig;
import se.alfmonitor.assessment.reassessment.BatchReassessment;
import se.alfmonitor.assessment.reassessment.ReassessmentService;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.rules.CompiledRuleSet;

/**
 * Runs one simulation: the latest assessment of every unit of the campaign under the candidate's questionnaire
 * version, read and evaluated in batches exactly as a publication's batches are ({@link ReassessmentService#read},
 * {@link BatchReassessment#evaluateAll}: decisions and overrides in force, the unchanged levels carried over), on as
 * many threads as a publication uses ({@code alf.assessment.reassess-parallelism}), except that nothing of the
 * service's is written. Each batch is evaluated in a read-only transaction, so a write anywhere on the path would
 * fail the simulation instead of publishing anything: no assessment version, no review item, no remediation change,
 * no outbox row. The compliance matrices are counted in memory ({@link SimulationTally}); the levels a batch
 * changes are inserted into the simulation's own table by one statement per batch, in a transaction of their own.
 * Progress is stored at most once every {@link #PROGRESS_INTERVAL_MS} ms, not per batch or unit.
 */
@ApplicationScoped
public class SimulationRunner {

    private static final Logger LOG = Logger.getLogger(SimulationRunner.class);
    private static final int FAILURE_MAX = 2000;
    static final long PROGRESS_INTERVAL_MS = 1000;

    private final ReassessmentService reassessment;
    private final BatchReassessment batches;
    private final ReviewService reviews;
    private final EntityManager entityManager;
    private final AssessmentConfig config;
    private final ObjectMapper json;

    public SimulationRunner(ReassessmentService reassessment, BatchReassessment batches, ReviewService reviews,
            EntityManager entityManager, AssessmentConfig config, ObjectMapper json) {
        this.reassessment = reassessment;
        this.batches = batches;
        this.reviews = reviews;
        this.entityManager = entityManager;
        this.config = config;
        this.json = json;
    }

    void run(UUID id, CompiledRuleSet candidate, String campaignId) {
        try {
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                readOnly();
                return reassessment.latestIds(campaignId, candidate);
            });
            progress(id, 0, ids.size());
            SimulationTally tally = new SimulationTally(candidate);
            Progress progress = new Progress(id, ids.size());
            int size = reassessment.batchSize();
            List<List<Long>> work = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += size) {
                work.add(ids.subList(from, Math.min(ids.size(), from + size)));
            }
            inParallel(work, batch -> {
                List<UnitChange> changes = QuarkusTransaction.requiringNew()
                        .call(() -> evaluate(batch, candidate, tally));
                if (!changes.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> insert(id, changes));
                }
                progress.add(batch.size());
            });
            QuarkusTransaction.requiringNew().run(() -> store(id, ids.size(), tally));
            LOG.infof("Simulation %s of rule set %s on %s: %d units, %d unit levels changed", id,
                    candidate.version(), campaignId, ids.size(), tally.levelsChanged());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Simulation %s of rule set %s on %s failed", id, candidate.version(), campaignId);
            fail(id, e.toString());
        }
    }

    /**
     * The batches on {@code reassess-parallelism} threads, as a publication runs its own: evaluation is CPU work and
     * each batch waits for the database in between. The first failure stops the batches not yet started.
     */
    private void inParallel(List<List<Long>> work, Consumer<List<Long>> batch) {
        int threads = Math.max(1, Math.min(config.reassessParallelism(), work.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "rule-set-simulation-batch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> results = new ArrayList<>(work.size());
            for (List<Long> ids : work) {
                results.add(pool.submit(() -> batch.accept(ids)));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Simulation interrupted", e);
        } finally {
            pool.shutdown();
        }
    }

    /** @return the levels the batch's units change, to be stored */
    private List<UnitChange> evaluate(List<Long> batch, CompiledRuleSet candidate, SimulationTally tally) {
        readOnly();
        ReassessmentService.Rows rows = reassessment.read(batch, candidate);
        List<UnitChange> changes = new ArrayList<>();
        for (BatchReassessment.Evaluated unit : batches.evaluateAll(rows.latest(), rows.stored(), candidate,
                (assessment, known) -> reviews.decisionsWithoutQueueing(assessment, known,
                        request -> tally.wouldOpen(assessment, request)))) {
            changes.addAll(tally.add(unit.assessment(),
                    BatchReassessment.storedLevels(unit.assessment(), rows.stored()), unit.levels()));
        }
        return changes;
    }

    /** The first statement of the transaction: PostgreSQL then refuses any write in it. */
    private void readOnly() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set transaction read only");
            }
        });
    }

    /** The changed levels of one batch, in one statement whatever their number. */
    private void insert(UUID id, List<UnitChange> changes) {
        int n = changes.size();
        String[] units = new String[n];
        String[] regions = new String[n];
        Integer[] levels = new Integer[n];
        String[] from = new String[n];
        String[] to = new String[n];
        String[] explanations = new String[n];
        for (int i = 0; i < n; i++) {
            UnitChange change = changes.get(i);
            units[i] = change.unitId();
            regions[i] = change.regionCode();
            levels[i] = change.level();
            from[i] = change.from() == null ? "NONE" : change.from().name();
            to[i] = change.to().name();
            try {
                explanations[i] = json.writeValueAsString(change.explanation());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an explanation of simulation " + id, e);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into rule_set_simulation_change (simulation_id, unit_id, region_code, level, from_outcome,
                        to_outcome, explanation)
                    select ?, n.unit_id, n.region_code, n.level, n.from_outcome, n.to_outcome,
                        cast(n.explanation as json)
                    from unnest(?, ?, ?, ?, ?, ?)
                        as n(unit_id, region_code, level, from_outcome, to_outcome, explanation)""")) {
                insert.setObject(1, id);
                insert.setArray(2, connection.createArrayOf("text", units));
                insert.setArray(3, connection.createArrayOf("text", regions));
                insert.setArray(4, connection.createArrayOf("integer", levels));
                insert.setArray(5, connection.createArrayOf("text", from));
                insert.setArray(6, connection.createArrayOf("text", to));
                insert.setArray(7, connection.createArrayOf("text", explanations));
                insert.executeUpdate();
            }
        });
    }

    /** How many units are evaluated, stored when at least {@link #PROGRESS_INTERVAL_MS} passed since last time. */
    private static final class Progress {

        private final UUID id;
        private final int total;
        private final AtomicInteger evaluated = new AtomicInteger();
        private long storedAt = System.nanoTime();

        Progress(UUID id, int total) {
            this.id = id;
            this.total = total;
        }

        void add(int units) {
            evaluated.addAndGet(units);
            // stored under the lock, so that a figure stored never goes back
            synchronized (this) {
                if (System.nanoTime() - storedAt >= PROGRESS_INTERVAL_MS * 1_000_000) {
                    progress(id, evaluated.get(), total);
                    storedAt = System.nanoTime();
                }
            }
        }
    }

    private static void progress(UUID id, int evaluated, int total) {
        QuarkusTransaction.requiringNew().run(() -> SimulationEntity.update(
                "evaluated = ?1, total = ?2 where id = ?3 and status = ?4", evaluated, total,
                id, SimulationEntity.RUNNING));
    }

    private void store(UUID id, int total, SimulationTally tally) {
        SimulationEntity simulation = SimulationEntity.findById(id);
        if (simulation == null) {
            return;
        }
        try {
            // through text: a tree made from the record would normalise 100.0 to 1E+2 and 0.0 to 0
            simulation.result = json.readTree(json.writeValueAsString(tally.result()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of simulation " + id, e);
        }
        simulation.evaluated = total;
        simulation.total = total;
        simulation.status = SimulationEntity.DONE;
        simulation.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Marks a running simulation FAILED and removes the changed levels its batches had stored. */
    static void fail(UUID id, String failure) {
        String reason = failure.length() > FAILURE_MAX ? failure.substring(0, FAILURE_MAX) : failure;
        QuarkusTransaction.requiringNew().run(() -> {
            int failed = SimulationEntity.update(
                    "status = ?1, failure = ?2, finishedAt = ?3 where id = ?4 and status = ?5",
                    SimulationEntity.FAILED, reason, Instant.now().truncatedTo(ChronoUnit.MICROS), id,
                    SimulationEntity.RUNNING);
            if (failed > 0) {
                SimulationChangeEntity.delete("simulationId", id);
            }
        });
    }
}
