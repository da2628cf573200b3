package se.alfmonitor.indicator.rollup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.messaging.WakeableWorker;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.config.IndicatorConfig;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * Sums again the region, ALF and nation values that events marked ({@link RollUpMarks#rollUpSoon}) or whose units
 * changed (the deltas {@link RegionDeltasRecorder} keeps per region). A worker thread
 * runs as soon as a marking transaction commits, and every {@code alf.indicators.roll-up-poll-interval} for marks left
 * by another instance or before a restart. A run sums every marked (base level, period) in one transaction, taking
 * the writers' turn once and committing once: the marks and deltas are taken and the sums written together, so a crash
 * in between leaves them for the next run, and the sums of all the groups are read and written by a number of
 * statements that does not grow with the groups ({@link RollUpSums#rollUpAll}). When that transaction fails, the run
 * sums each group in a transaction of its own, so that a group that keeps failing holds up only itself.
 *
 * <p>Under a burst of events the worker runs once while many events commit, and then sums each mark once: the cost
 * of the region, ALF and nation sums is paid per run, not per event. After a run during which events came in it
 * pauses as long as the run took, so that under a burst it never holds the writers' turn more than half the time;
 * after a quiet run it waits only for the next event.
 */
@ApplicationScoped
public class RollUps {

    private static final Logger LOG = Logger.getLogger(RollUps.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RollUpSums sums;
    private final WritersTurn writersTurn;
    private final IndicatorCatalogue catalogue;
    private final Instance<RollUpListener> listeners;
    private final EntityManager entityManager;
    private final Duration pollInterval;

    private final WakeableWorker worker;
    private Duration groupBackoff;

    public RollUps(RollUpSums sums, WritersTurn writersTurn, IndicatorCatalogue catalogue,
            Instance<RollUpListener> listeners, EntityManager entityManager, IndicatorConfig config) {
        this.sums = sums;
        this.writersTurn = writersTurn;
        this.catalogue = catalogue;
        this.listeners = listeners;
        this.entityManager = entityManager;
        this.pollInterval = config.rollUpPollInterval();
        this.groupBackoff = pollInterval;
        this.worker = new WakeableWorker("indicator-roll-up", this::round, pollInterval, MAX_BACKOFF);
    }

    /** One (base level, period) with marks. */
    public record Group(OrgUnitLevel baseLevel, String period) {
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        // ends a pause at once; a run in progress finishes (or rolls back) first
        worker.stop(Duration.ofSeconds(30));
    }

    void onMarked(@Observes(during = TransactionPhase.AFTER_SUCCESS) RollUpMarks.RollUpMarked marked) {
        worker.wakeUp();
    }

    /** Sums every marked group, then pauses; returns how long to wait for the next marks. */
    private Duration round() throws InterruptedException {
        int failed = 0;
        long started = System.nanoTime();
        try {
            // all groups in one transaction: one turn of the writers' lock and one commit per round
            QuarkusTransaction.requiringNew().timeout(600).run(() -> process(marked(), false));
        } catch (RuntimeException together) {
            LOG.warnf("Summing the marked groups together failed (%s); summing them one by one", together.toString());
            for (Group group : QuarkusTransaction.requiringNew().call(this::marked)) {
                try {
                    QuarkusTransaction.requiringNew().timeout(600).run(() -> process(group));
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warnf(e, "Summing %s values of period %s again failed; the marks stay for the next run",
                            group.baseLevel(), group.period());
                }
            }
        }
        // the sums hold the writers' turn: when events came in while they ran (a burst), leave it to the events at
        // least as long before summing again, so that with many units a burst still gets half the time; an event
        // arriving after a quiet round is summed at once
        if (worker.wakeUpPending()
                && !worker.pause(Duration.ofNanos(Math.min(System.nanoTime() - started, MAX_BACKOFF.toNanos())))) {
            return Duration.ZERO;
        }
        groupBackoff = failed == 0 ? pollInterval
                : groupBackoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : groupBackoff.multipliedBy(2);
        return groupBackoff;
    }

    /** The groups with marks now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Group> marked() {
        List<Group> groups = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("select base_level, period from rollup_pending"
                + " union select 'UNIT', period from rollup_delta order by 1, 2")
                .getResultList()) {
            Object[] cells = (Object[]) row;
            groups.add(new Group(OrgUnitLevel.valueOf((String) cells[0]), (String) cells[1]));
        }
        return groups;
    }

    /**
     * Sums every marked group again in the caller's transaction, each region from its units (a full recompute ends
     * with this): the deltas of those regions are taken and dropped, as the sums already contain what they describe.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void processAll() {
        process(marked(), true);
    }

    /** {@link #process(List, boolean)} of one group. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void process(Group group) {
        process(List.of(group), false);
    }

    /**
     * Takes the groups' marks and deltas and writes their sums together ({@link RollUpSums#rollUpAll}): each marked
     * region's value (its latest value plus its deltas, or its units' sum when marked to be summed from scratch),
     * then the ALF and nation values; then the {@link RollUpListener}s (the level means, ALF-04, above units whose
     * assessments changed).
     */
    private void process(List<Group> groups, boolean allFromScratch) {
        if (groups.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // the writers' turn first: marking transactions take it before they mark, so none waits on a taken mark
        writersTurn.take();
        long turn = System.nanoTime();
        List<RollUpSums.RollUpWork> works = new ArrayList<>(groups.size());
        for (Group group : groups) {
            works.add(take(group, allFromScratch));
        }
        sums.rollUpAll(works);
        listeners.forEach(listener -> listener.summed(works));
        LOG.debugf("Summed %s in %d ms after waiting %d ms for the writers' turn", groups,
                (System.nanoTime() - turn) / 1_000_000, (turn - started) / 1_000_000);
    }

    /** Takes a group's marks and deltas: what is to be summed again of it. */
    private RollUpSums.RollUpWork take(Group group, boolean allFromScratch) {
        Set<String> codes = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        Set<String> fromScratch = new TreeSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement("delete from rollup_pending"
                    + " where base_level = ? and period = ? returning region_code, indicators, from_scratch")) {
                take.setString(1, group.baseLevel().name());
                take.setString(2, group.period());
                try (ResultSet rs = take.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getString(1).isEmpty()) {
                            regions.add(rs.getString(1));
                            if (rs.getBoolean(3)) {
                                fromScratch.add(rs.getString(1));
                            }
                        }
                        for (Object code : (Object[]) rs.getArray(2).getArray()) {
                            codes.add((String) code);
                        }
                    }
                }
            }
        });
        Map<String, Map<String, RegionTotals>> deltas = group.baseLevel() == OrgUnitLevel.UNIT
                ? sums.takeRegionDeltas(group.period())
                : Map.of();
        // a unit value that left a region changed that region too, marked or not
        deltas.forEach((region, byIndicator) -> {
            regions.add(region);
            codes.addAll(byIndicator.keySet());
        });
        if (allFromScratch) {
            fromScratch.addAll(regions);
        }
        LOG.debugf("Summing %d indicators of %s period %s again above regions %s (from their units: %s)",
                codes.size(), group.baseLevel(), group.period(), regions, fromScratch);
        List<IndicatorDefinition> definitions = new ArrayList<>();
        for (String code : codes) {
            // a code no longer in the catalogue in force has nothing to sum; a level mean is no sum
            catalogue.find(code).map(IndicatorCatalogue.Compiled::definition).filter(IndicatorDefinition::isSummed)
                    .ifPresent(definitions::add);
        }
        return new RollUpSums.RollUpWork(definitions, group.baseLevel(), group.period(), regions, fromScratch,
                deltas);
    }
}
