package se.alfmonitor.assessment.simulation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.assessment.reassessment.BatchReassessment;
import se.alfmonitor.assessment.reassessment.ReassessmentService;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.rules.CompiledRuleSet;

/**
 * Runs one simulation on the worker thread: the latest assessment of every unit of the campaign under the
 * candidate's questionnaire version, read and evaluated in batches exactly as a publication's batches are
 * ({@link ReassessmentService#read}, {@link BatchReassessment#evaluateAll}: decisions and overrides in force, the
 * unchanged levels carried over), except that nothing is written. Each batch runs in a read-only transaction, so a
 * write anywhere on the path would fail the simulation instead of publishing anything: no assessment version, no
 * review item, no remediation change, no outbox row. Progress is stored after each batch, in a transaction of its
 * own.
 */
@ApplicationScoped
public class SimulationRunner {

    private static final Logger LOG = Logger.getLogger(SimulationRunner.class);
    private static final int FAILURE_MAX = 2000;

    private final ReassessmentService reassessment;
    private final BatchReassessment batches;
    private final ReviewService reviews;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public SimulationRunner(ReassessmentService reassessment, BatchReassessment batches, ReviewService reviews,
            EntityManager entityManager, ObjectMapper json) {
        this.reassessment = reassessment;
        this.batches = batches;
        this.reviews = reviews;
        this.entityManager = entityManager;
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
            int size = reassessment.batchSize();
            for (int from = 0; from < ids.size(); from += size) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + size));
                QuarkusTransaction.requiringNew().run(() -> evaluate(batch, candidate, tally));
                progress(id, Math.min(ids.size(), from + size), ids.size());
            }
            QuarkusTransaction.requiringNew().run(() -> store(id, tally));
            LOG.infof("Simulation %s of rule set %s on %s: %d units, %d unit levels changed", id,
                    candidate.version(), campaignId, ids.size(), tally.changes().size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Simulation %s of rule set %s on %s failed", id, candidate.version(), campaignId);
            fail(id, e.toString());
        }
    }

    private void evaluate(List<Long> batch, CompiledRuleSet candidate, SimulationTally tally) {
        readOnly();
        ReassessmentService.Rows rows = reassessment.read(batch, candidate);
        for (BatchReassessment.Evaluated unit : batches.evaluateAll(rows.latest(), rows.stored(), candidate,
                (assessment, known) -> reviews.decisionsWithoutQueueing(assessment, known,
                        request -> tally.wouldOpen(assessment, request)))) {
            tally.add(unit.assessment(), BatchReassessment.storedLevels(unit.assessment(), rows.stored()),
                    unit.levels());
        }
    }

    /** The first statement of the transaction: PostgreSQL then refuses any write in it. */
    private void readOnly() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set transaction read only");
            }
        });
    }

    private static void progress(UUID id, int evaluated, int total) {
        QuarkusTransaction.requiringNew().run(() -> SimulationEntity.update(
                "evaluated = ?1, total = ?2 where id = ?3 and status = ?4", evaluated, total, id,
                SimulationEntity.RUNNING));
    }

    private void store(UUID id, SimulationTally tally) {
        SimulationEntity simulation = SimulationEntity.findById(id);
        if (simulation == null) {
            return;
        }
        for (UnitChange change : tally.changes()) {
            SimulationChangeEntity row = new SimulationChangeEntity();
            row.simulationId = id;
            row.unitId = change.unitId();
            row.regionCode = change.regionCode();
            row.level = change.level();
            row.fromOutcome = change.from() == null ? "NONE" : change.from().name();
            row.toOutcome = change.to().name();
            row.explanation = change.explanation();
            row.persist();
        }
        try {
            // through text: a tree made from the record would normalise 100.0 to 1E+2 and 0.0 to 0
            simulation.result = json.readTree(json.writeValueAsString(tally.result()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of simulation " + id, e);
        }
        simulation.status = SimulationEntity.DONE;
        simulation.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void fail(UUID id, String failure) {
        String reason = failure.length() > FAILURE_MAX ? failure.substring(0, FAILURE_MAX) : failure;
        QuarkusTransaction.requiringNew().run(() -> SimulationEntity.update(
                "status = ?1, failure = ?2, finishedAt = ?3 where id = ?4 and status = ?5", SimulationEntity.FAILED,
                reason, Instant.now().truncatedTo(ChronoUnit.MICROS), id, SimulationEntity.RUNNING));
    }
}
