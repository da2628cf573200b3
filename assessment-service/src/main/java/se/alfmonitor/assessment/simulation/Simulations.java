package se.alfmonitor.assessment.simulation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSetLifecycle;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.problem.TextFields;

/**
 * Simulations of candidate rule sets: requested, run one at a time on a dedicated worker (evaluation is CPU work and
 * shares two cores with the service's other work, so one simulation at a time runs its batches on as many threads as
 * a publication; a few more wait in a short queue, beyond it a request is refused),
 * listed, read with their changed units, exported and deleted. A result is kept until deleted.
 */
@ApplicationScoped
public class Simulations {

    /** Simulations waiting for the worker besides the one running; more are refused with 503. */
    static final int QUEUE = 4;

    private final RuleSets ruleSets;
    private final RuleSetLifecycle lifecycle;
    private final SimulationRunner runner;
    private final ObjectMapper json;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread thread = new Thread(r, "rule-set-simulation");
                thread.setDaemon(true);
                return thread;
            });

    public Simulations(RuleSets ruleSets, RuleSetLifecycle lifecycle, SimulationRunner runner, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.lifecycle = lifecycle;
        this.runner = runner;
        this.json = json;
    }

    public record SimulationRequest(String campaignId) {
    }

    /** A simulation without its result, as listed and as answered when requested. */
    public record SimulationSummary(UUID id, String candidateVersion, Integer candidateRevision, String campaignId,
            @Schema(enumeration = { SimulationEntity.RUNNING, SimulationEntity.DONE, SimulationEntity.FAILED })
            String status, int evaluated, int total, String requestedBy, Instant requestedAt, Instant finishedAt,
            String failure) {
    }

    /**
     * @param result null until DONE
     * @param changes every unit level whose outcome changes, by unit and level; empty until DONE
     */
    public record SimulationView(UUID id, String candidateVersion, Integer candidateRevision, String campaignId,
            @Schema(enumeration = { SimulationEntity.RUNNING, SimulationEntity.DONE, SimulationEntity.FAILED })
            String status, int evaluated, int total, String requestedBy, Instant requestedAt, Instant finishedAt,
            String failure, SimulationResult result, List<UnitChange> changes) {
    }

    /** Records the simulation as RUNNING and hands it to the worker. */
    public SimulationSummary start(String candidateVersion, SimulationRequest request, String actor) {
        CompiledRuleSet candidate = candidate(candidateVersion);
        List<FieldError> errors = new java.util.ArrayList<>();
        TextFields.required(request == null ? null : request.campaignId(), "/campaignId", TextFields.ID_MAX,
                "campaignId is required", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SimulationEntity simulation = new SimulationEntity();
        simulation.id = UUID.randomUUID();
        simulation.candidateVersion = candidate.version();
        simulation.candidateRevision = ruleSets.uploadedRevision(candidate.version()).orElse(null);
        simulation.campaignId = request.campaignId().strip();
        simulation.status = SimulationEntity.RUNNING;
        simulation.requestedBy = actor;
        simulation.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(simulation::persist);
        UUID id = simulation.id;
        inFlight.add(id);
        try {
            worker.execute(() -> {
                try {
                    runner.run(id, candidate, simulation.campaignId);
                } finally {
                    inFlight.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            QuarkusTransaction.requiringNew().run(() -> SimulationEntity.deleteById(id));
            throw new ProblemException(Problem.of(503, "SIMULATION_QUEUE_FULL", "Service unavailable",
                    (QUEUE + 1) + " simulations are running or waiting; try again when one is done", List.of()));
        }
        return summary(simulation);
    }

    /** Those of a candidate, newest first. */
    @Transactional
    public List<SimulationSummary> list(String candidateVersion) {
        return SimulationEntity.<SimulationEntity>list("candidateVersion", Sort.descending("requestedAt"),
                candidateVersion).stream().map(Simulations::summary).toList();
    }

    @Transactional
    public SimulationView get(String candidateVersion, UUID id) {
        SimulationEntity s = find(candidateVersion, id);
        SimulationResult result = null;
        if (s.result != null) {
            try {
                result = json.treeToValue(s.result, SimulationResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Simulation " + id + " holds an unreadable result", e);
            }
        }
        return new SimulationView(s.id, s.candidateVersion, s.candidateRevision, s.campaignId, s.status, s.evaluated,
                s.total, s.requestedBy, s.requestedAt, s.finishedAt, s.failure, result, changes(s));
    }

    /** The changed units of a simulation, by unit and level; none until it is DONE. */
    @Transactional
    public List<UnitChange> changes(String candidateVersion, UUID id) {
        return changes(find(candidateVersion, id));
    }

    /** Deletes a finished simulation and its changed units; one still running is refused with 409. */
    @Transactional
    public void delete(String candidateVersion, UUID id) {
        SimulationEntity s = find(candidateVersion, id);
        if (SimulationEntity.RUNNING.equals(s.status)) {
            throw ProblemException.conflict("SIMULATION_RUNNING",
                    "Simulation " + id + " is still running; delete it when it is done");
        }
        SimulationChangeEntity.delete("simulationId", id);
        s.delete();
    }

    /** A simulation the service stops in the middle of would otherwise stay RUNNING for ever. */
    void onStop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
        for (UUID id : Set.copyOf(inFlight)) {
            SimulationRunner.fail(id, "The service stopped before the simulation was done");
        }
    }

    private CompiledRuleSet candidate(String version) {
        lifecycle.refresh();
        return ruleSets.find(version)
                .orElseThrow(() -> ProblemException.notFound("RULE_SET_NOT_FOUND", "No rule set " + version));
    }

    private static SimulationEntity find(String candidateVersion, UUID id) {
        SimulationEntity s = SimulationEntity.findById(id);
        if (s == null || !s.candidateVersion.equals(candidateVersion)) {
            throw ProblemException.notFound("SIMULATION_NOT_FOUND",
                    "No simulation " + id + " of rule set " + candidateVersion);
        }
        return s;
    }

    /** Stored batch by batch while it runs: a simulation's changes are whole only once it is DONE. */
    private static List<UnitChange> changes(SimulationEntity simulation) {
        if (!SimulationEntity.DONE.equals(simulation.status)) {
            return List.of();
        }
        UUID id = simulation.id;
        return SimulationChangeEntity.<SimulationChangeEntity>list("simulationId", Sort.by("unitId").and("level"), id)
                .stream().map(c -> new UnitChange(c.unitId, c.regionCode, c.level, outcome(c.fromOutcome),
                        LevelOutcome.valueOf(c.toOutcome), c.explanation))
                .toList();
    }

    private static LevelOutcome outcome(String stored) {
        return "NONE".equals(stored) ? null : LevelOutcome.valueOf(stored);
    }

    private static SimulationSummary summary(SimulationEntity s) {
        return new SimulationSummary(s.id, s.candidateVersion, s.candidateRevision, s.campaignId, s.status,
                s.evaluated, s.total, s.requestedBy, s.requestedAt, s.finishedAt, s.failure);
    }
}
