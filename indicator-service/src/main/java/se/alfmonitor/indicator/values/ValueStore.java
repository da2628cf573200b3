package se.alfmonitor.indicator.values;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;

/**
 * Stores computed values as history (a new row only when numerator, denominator or inputs change, moving the latest
 * flag) and publishes each new value through the outbox on the compacted indicator topic. What else must follow a
 * stored value in its transaction (the roll-up's region deltas) learns of it as a {@link StoredValuesListener}.
 */
@ApplicationScoped
public class ValueStore {

    private final Outbox outbox;
    private final InputsJson json;
    private final WritersTurn writersTurn;
    private final Instance<StoredValuesListener> listeners;

    public ValueStore(Outbox outbox, InputsJson json, WritersTurn writersTurn,
            Instance<StoredValuesListener> listeners) {
        this.outbox = outbox;
        this.json = json;
        this.writersTurn = writersTurn;
        this.listeners = listeners;
    }

    /**
     * Records one value.
     *
     * @return true if a new value was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(NewValue value) {
        return recordAll(List.of(value)) == 1;
    }

    /**
     * Records values with a constant number of round trips: the latest values of all of them are read in one query,
     * and the retired and new rows written in one statement and one JDBC batch. A value given twice (same indicator,
     * org unit and period) counts once, the last one given. The listeners learn of the stored ones before their events
     * are published.
     *
     * @return how many new values were stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<NewValue> values) {
        if (values.isEmpty()) {
            return 0;
        }
        writersTurn.take();
        Map<String, StoredValue> candidates = new LinkedHashMap<>();
        Instant computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (NewValue v : values) {
            candidates.put(Topic.indicatorKey(v.definition().code(), v.orgUnit(), v.period()),
                    StoredValue.of(v, computedAt, json));
        }
        // plain JDBC: thousands of values per event must not each stay managed and dirty-checked by the session
        List<ValueChange> changes = IndicatorValueEntity.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> store(connection, candidates));
        if (!changes.isEmpty()) {
            listeners.forEach(listener -> listener.stored(changes));
        }
        List<Outbox.Pending<IndicatorComputed>> events = new ArrayList<>(changes.size());
        for (ValueChange change : changes) {
            StoredValue c = change.stored();
            NewValue v = c.given();
            String key = Topic.indicatorKey(v.definition().code(), v.orgUnit(), v.period());
            events.add(new Outbox.Pending<>(key, key, new IndicatorComputed(v.definition().code(), v.orgUnit(),
                    v.level().name(), v.period(), c.numerator(), c.denominator(), v.definition().factor(), c.value(),
                    json.tree(c.inputsJson()), computedAt)));
        }
        outbox.publishAll(Topic.INDICATORS, events);
        return changes.size();
    }

    /** Stores the candidates that differ from the latest value of their series; returns them with what they retired. */
    private List<ValueChange> store(Connection connection, Map<String, StoredValue> candidates) throws SQLException {
        List<String> indicators = new ArrayList<>(candidates.size());
        List<String> orgUnits = new ArrayList<>(candidates.size());
        List<String> periods = new ArrayList<>(candidates.size());
        for (StoredValue c : candidates.values()) {
            indicators.add(c.given().definition().code());
            orgUnits.add(c.given().orgUnit());
            periods.add(c.given().period());
        }
        Map<String, Long> previous = new HashMap<>();
        Map<String, ValueChange.Retired> retiredRows = new HashMap<>();
        List<ValueChange> changed = new ArrayList<>(candidates.size());
        try (PreparedStatement find = connection.prepareStatement("select v.id, v.indicator, v.org_unit, v.period,"
                + " v.numerator, v.denominator, cast(v.inputs as text), v.org_unit_level, v.region_code"
                + " from indicator_value v"
                + " join unnest(?, ?, ?) as k(indicator, org_unit, period)"
                + " on v.indicator = k.indicator and v.org_unit = k.org_unit and v.period = k.period where v.latest")) {
            find.setArray(1, connection.createArrayOf("text", indicators.toArray()));
            find.setArray(2, connection.createArrayOf("text", orgUnits.toArray()));
            find.setArray(3, connection.createArrayOf("text", periods.toArray()));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    String key = Topic.indicatorKey(rs.getString(2), rs.getString(3), rs.getString(4));
                    StoredValue c = candidates.get(key);
                    String storedJson = rs.getString(7);
                    // read once: compared here, and what a retired row counted taken from it by the listeners
                    JsonNode stored = null;
                    boolean same = c != null && sameDecimal(rs.getBigDecimal(5), c.numerator())
                            && sameDecimal(rs.getBigDecimal(6), c.denominator());
                    if (same) {
                        stored = json.exactOrNull(storedJson);
                        same = stored != null && json.same(stored, c.inputsJson());
                    }
                    if (same) {
                        previous.put(key, null);
                    } else {
                        previous.put(key, rs.getLong(1));
                        retiredRows.put(key, new ValueChange.Retired(rs.getString(8), rs.getString(9),
                                rs.getBigDecimal(5), rs.getBigDecimal(6), storedJson, stored));
                    }
                }
            }
        }
        List<Long> retired = new ArrayList<>();
        candidates.forEach((key, c) -> {
            if (!previous.containsKey(key)) {
                changed.add(new ValueChange(c, null));
            } else if (previous.get(key) != null) {
                retired.add(previous.get(key));
                changed.add(new ValueChange(c, retiredRows.get(key)));
            }
        });
        if (changed.isEmpty()) {
            return changed;
        }
        if (!retired.isEmpty()) {
            try (PreparedStatement retire = connection.prepareStatement(
                    "update indicator_value set latest = false where id = any (?)")) {
                retire.setArray(1, connection.createArrayOf("bigint", retired.toArray()));
                retire.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into indicator_value (indicator,"
                + " org_unit, org_unit_level, region_code, period, numerator, denominator, factor, value, inputs,"
                + " computed_at, latest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, true)")) {
            for (ValueChange change : changed) {
                StoredValue c = change.stored();
                NewValue v = c.given();
                insert.setString(1, v.definition().code());
                insert.setString(2, v.orgUnit());
                insert.setString(3, v.level().name());
                insert.setString(4, v.regionCode());
                insert.setString(5, v.period());
                insert.setBigDecimal(6, c.numerator());
                insert.setObject(7, c.denominator(), Types.NUMERIC);
                insert.setBigDecimal(8, v.definition().factor());
                insert.setObject(9, c.value(), Types.NUMERIC);
                insert.setString(10, c.inputsJson());
                insert.setObject(11, OffsetDateTime.ofInstant(c.computedAt(), ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return changed;
    }

    private static boolean sameDecimal(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
