package se.alfmonitor.indicator.rollup;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.values.IndicatorValueEntity;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * Marks the aggregates above changed base values as to be summed again by {@link RollUps} once the transaction
 * commits, instead of summing them in it: many events marking the same region, ALF and nation values in a short time
 * then cost one sum each. A mark is a row of {@code rollup_pending} that commits with the base values, so it is never
 * lost.
 */
@ApplicationScoped
public class RollUpMarks {

    private static final Object ROLL_UP_MARKED = new Object();

    private final WritersTurn writersTurn;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<RollUpMarked> rollUpMarked;

    public RollUpMarks(WritersTurn writersTurn, TransactionSynchronizationRegistry transactions,
            Event<RollUpMarked> rollUpMarked) {
        this.writersTurn = writersTurn;
        this.transactions = transactions;
        this.rollUpMarked = rollUpMarked;
    }

    /**
     * Aggregates to sum again: those of a period above base values of a level, and when the base level is the unit
     * also the region's own value.
     *
     * @param regionCode the region of the base values when the base level is the unit; ignored above units
     */
    public record Mark(OrgUnitLevel baseLevel, String period, String regionCode) {

        /** The region as {@code rollup_pending} keys it: '' for none. */
        String storedRegion() {
            return baseLevel == OrgUnitLevel.UNIT && regionCode != null ? regionCode : "";
        }
    }

    /** Fired when a transaction marked aggregates to sum again; observed after it commits. */
    public record RollUpMarked() {
    }

    /**
     * Marks the aggregates above the given definitions' base values of a period.
     *
     * @param regionCode the region of the base values when the base level is the unit; null for none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpSoon(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            String regionCode) {
        rollUpSoon(Map.of(new Mark(baseLevel, period, regionCode), definitions));
    }

    /** {@link #rollUpSoon(List, OrgUnitLevel, String, String)} for many marks at once, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpSoon(Map<Mark, ? extends Collection<IndicatorDefinition>> marks) {
        // one row per stored key: a statement may not update the same row twice
        Map<Mark, Set<String>> rows = new LinkedHashMap<>();
        marks.forEach((mark, definitions) -> {
            if (!definitions.isEmpty()) {
                definitions.forEach(d -> rows.computeIfAbsent(
                        new Mark(mark.baseLevel(), mark.period(), mark.storedRegion()), m -> new TreeSet<>())
                        .add(d.code()));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        // marks are written and taken under the writers' turn, so a mark never waits for the worker holding it
        writersTurn.take();
        int n = rows.size();
        String[] levels = new String[n];
        String[] periods = new String[n];
        String[] regions = new String[n];
        String[] indicators = new String[n];
        int i = 0;
        for (Map.Entry<Mark, Set<String>> row : rows.entrySet()) {
            levels[i] = row.getKey().baseLevel().name();
            periods[i] = row.getKey().period();
            regions[i] = row.getKey().regionCode();
            // indicator codes never contain a comma
            indicators[i] = String.join(",", row.getValue());
            i++;
        }
        IndicatorValueEntity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("""
                    insert into rollup_pending (base_level, period, region_code, indicators, requested_at)
                    select base_level, period, region_code, string_to_array(indicators, ','), now()
                    from unnest(?, ?, ?, ?) as m(base_level, period, region_code, indicators)
                    on conflict (base_level, period, region_code) do update set indicators = (
                        select array_agg(distinct i order by i)
                        from unnest(rollup_pending.indicators || excluded.indicators) i)""")) {
                mark.setArray(1, connection.createArrayOf("text", levels));
                mark.setArray(2, connection.createArrayOf("text", periods));
                mark.setArray(3, connection.createArrayOf("text", regions));
                mark.setArray(4, connection.createArrayOf("text", indicators));
                mark.executeUpdate();
            }
        });
        wakeAfterCommit();
    }

    /** Wakes the roll-up worker once this transaction commits (once however often it is asked). */
    void wakeAfterCommit() {
        if (transactions.getResource(ROLL_UP_MARKED) == null) {
            transactions.putResource(ROLL_UP_MARKED, Boolean.TRUE);
            rollUpMarked.fire(new RollUpMarked());
        }
    }
}
