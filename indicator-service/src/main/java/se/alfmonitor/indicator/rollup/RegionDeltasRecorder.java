package se.alfmonitor.indicator.rollup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.indicator.values.IndicatorValueEntity;
import se.alfmonitor.indicator.values.InputsJson;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.StoredValue;
import se.alfmonitor.indicator.values.StoredValuesListener;
import se.alfmonitor.indicator.values.ValueChange;

/**
 * Adds what stored unit values change in their regions' sums to {@code rollup_delta}, in one statement per batch of
 * values and in the storing transaction (see {@link RegionDeltas}), and wakes the roll-up worker after that
 * transaction commits when any region's sums changed.
 */
@ApplicationScoped
public class RegionDeltasRecorder implements StoredValuesListener {

    private final InputsJson json;
    private final RollUpMarks marks;

    public RegionDeltasRecorder(InputsJson json, RollUpMarks marks) {
        this.json = json;
        this.marks = marks;
    }

    @Override
    public void stored(List<ValueChange> changes) {
        RegionDeltas deltas = new RegionDeltas();
        for (ValueChange change : changes) {
            add(deltas, change.stored(), change.retired());
        }
        if (!deltas.isEmpty()) {
            IndicatorValueEntity.getEntityManager().unwrap(Session.class).doWork(deltas::write);
            // the deltas are marks of their own: the worker applies them whichever region they are in
            marks.wakeAfterCommit();
        }
    }

    /**
     * A new unit value of a summed indicator changes its region's sums by what it counts there less what the row it
     * retires counted there (in the region that row was in: a unit may have moved). The sums count a row in the
     * region of its {@code region_code}, and its parts and counts as its stored {@code inputs} say.
     */
    private void add(RegionDeltas deltas, StoredValue c, ValueChange.Retired old) {
        NewValue v = c.given();
        if (v.level() != OrgUnitLevel.UNIT || !v.definition().isSummed()) {
            return;
        }
        if (old != null && OrgUnitLevel.UNIT.name().equals(old.orgUnitLevel()) && old.regionCode() != null) {
            deltas.add(v.period(), old.regionCode(), v.definition().code(),
                    member(old.numerator(), old.denominator(), old.exactInputs(json)).negated());
        }
        if (v.regionCode() != null) {
            deltas.add(v.period(), v.regionCode(), v.definition().code(), member(c));
        }
    }

    private static RegionTotals member(BigDecimal numerator, BigDecimal denominator, JsonNode inputs) {
        return RegionTotals.ofMember(inputs.path("covered").asBoolean(false), numerator, denominator,
                RegionTotals.counts(inputs.path("counts")));
    }

    /**
     * What a new value counts in its region's sums, from the inputs it was built from: the same as reading its
     * {@code inputsJson} back with exact decimals. Shapes other than a boolean {@code covered} and whole or decimal
     * counts (none is written today) are read back from the JSON, so that the two can never differ.
     */
    private RegionTotals member(StoredValue c) {
        Object covered = c.inputs().get("covered");
        Object counts = c.inputs().get("counts");
        Map<String, BigDecimal> byKey = new TreeMap<>();
        boolean plain = covered instanceof Boolean && (counts == null || counts instanceof Map<?, ?>);
        if (plain && counts != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) counts).entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    plain = false;
                    break;
                }
                Object count = e.getValue();
                if (count == null) {
                    continue;
                }
                BigDecimal exact = exactly(count);
                if (exact == null) {
                    plain = false;
                    break;
                }
                byKey.put(key, exact);
            }
        }
        if (!plain) {
            return member(c.numerator(), c.denominator(), json.exact(c.inputsJson()));
        }
        return RegionTotals.ofMember((Boolean) covered, c.numerator(), c.denominator(), byKey);
    }

    /** A whole or decimal number as JSON writes it and an exact read gives it back; null for anything else. */
    private static BigDecimal exactly(Object number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigDecimal.valueOf(((Number) number).longValue());
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        return null;
    }
}
