package se.alfmonitor.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Parts;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.persistence.IndicatorValueEntity;

/**
 * Stores computed values as history (a new row only when numerator, denominator or inputs change, moving the latest
 * flag) and publishes each new value through the outbox on the compacted indicator topic. Rolls base values up by
 * summing numerators and denominators, never averaging ratios.
 */
@ApplicationScoped
public class ValueStore {

    private static final Logger LOG = Logger.getLogger(ValueStore.class);

    /** Arbitrary key of the advisory lock that orders writers of values. */
    private static final long VALUE_WRITER_LOCK = 0x414c46_494e44L;
    private static final Object LOCK_TAKEN = new Object();
    private static final Object ROLL_UP_MARKED = new Object();

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<RollUpMarked> rollUpMarked;
    private final ObjectReader decimals;

    public ValueStore(Outbox outbox, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            Event<RollUpMarked> rollUpMarked) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.transactions = transactions;
        this.rollUpMarked = rollUpMarked;
        this.decimals = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * The feed pages by id, so ids must become visible in id order: a transaction with a lower id committing after
     * one with a higher id would be skipped by a reader already past it. Writers of values therefore take turns, for
     * the rest of their transaction. A computation that reads inputs written by other transactions (study lists and
     * reference statistics) takes its turn before reading them, so that two concurrent writers of those inputs cannot
     * each compute from a snapshot missing the other's rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serializeWriters() {
        if (transactions.getResource(LOCK_TAKEN) == null) {
            IndicatorValueEntity.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) l")
                    .setParameter("key", VALUE_WRITER_LOCK).getSingleResult();
            transactions.putResource(LOCK_TAKEN, Boolean.TRUE);
        }
    }

    /** One value to record: see {@link #record}. */
    public record NewValue(IndicatorDefinition definition, String orgUnit, OrgUnitLevel level, String regionCode,
            String period, Parts parts, Map<String, Object> details) {
    }

    /**
     * Records one value.
     *
     * @param parts numerator and denominator, or null when the org unit's data do not cover the indicator (it is
     *        then stored as not covered and left out of both sums above it)
     * @return true if a new value was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(IndicatorDefinition definition, String orgUnit, OrgUnitLevel level, String regionCode,
            String period, Parts parts, Map<String, Object> details) {
        return recordAll(List.of(new NewValue(definition, orgUnit, level, regionCode, period, parts, details))) == 1;
    }

    /**
     * {@link #record} for many values with a constant number of round trips: the latest values of all of them are
     * read in one query, and the retired and new rows written in one statement and one JDBC batch. A value given twice
     * (same indicator, org unit and period) counts once, the last one given. What new unit values change in their
     * regions' sums is added to the regions' deltas in one more statement (see {@link #rollUp}).
     *
     * @return how many new values were stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<NewValue> values) {
        if (values.isEmpty()) {
            return 0;
        }
        serializeWriters();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Instant computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (NewValue v : values) {
            candidates.put(Topic.indicatorKey(v.definition().code(), v.orgUnit(), v.period()),
                    new Candidate(v, computedAt));
        }
        RegionDeltas deltas = new RegionDeltas();
        // plain JDBC: thousands of values per event must not each stay managed and dirty-checked by the session
        List<Candidate> stored = IndicatorValueEntity.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> store(connection, candidates, deltas));
        if (!deltas.isEmpty()) {
            // the deltas are marks of their own: the worker applies them whichever region they are in
            wakeRollUpsAfterCommit();
        }
        List<Outbox.Pending<IndicatorComputed>> events = new ArrayList<>(stored.size());
        for (Candidate c : stored) {
            NewValue v = c.given;
            String key = Topic.indicatorKey(v.definition().code(), v.orgUnit(), v.period());
            events.add(new Outbox.Pending<>(key, key, new IndicatorComputed(v.definition().code(), v.orgUnit(),
                    v.level().name(), v.period(), c.numerator, c.denominator, v.definition().factor(), c.value,
                    readTree(c.inputsJson), computedAt)));
        }
        outbox.publishAll(Topic.INDICATORS, events);
        return stored.size();
    }

    /** A value about to be recorded, with what is stored of it. */
    private final class Candidate {
        final NewValue given;
        final BigDecimal numerator;
        final BigDecimal denominator;
        final BigDecimal value;
        final Map<String, Object> inputs;
        final String inputsJson;
        final Instant computedAt;

        Candidate(NewValue v, Instant computedAt) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("catalogueVersion", v.definition().version());
            inputs.put("covered", v.parts() != null);
            inputs.putAll(v.details());
            this.given = v;
            this.numerator = v.parts() == null ? BigDecimal.ZERO : v.parts().numerator();
            this.denominator = v.definition().isCount() ? null
                    : v.parts() == null ? BigDecimal.ZERO : v.parts().denominator();
            this.value = v.parts() == null ? null : valueOf(numerator, denominator, v.definition().factor());
            this.inputs = inputs;
            this.inputsJson = json(inputs);
            this.computedAt = computedAt;
        }
    }

    /**
     * A latest row about to be retired: what it counted in its region's sums.
     *
     * @param inputs its stored inputs read with exact decimals, or null when not read yet
     */
    private record Retired(String level, String regionCode, BigDecimal numerator, BigDecimal denominator,
            String inputsJson, JsonNode inputs) {
    }

    /**
     * Stores the candidates that differ from the latest value of their series, and adds to {@code deltas} (and
     * writes) the change of region sums of those that are unit values of summed indicators; returns the stored ones.
     */
    private List<Candidate> store(Connection connection, Map<String, Candidate> candidates, RegionDeltas deltas)
            throws SQLException {
        List<String> indicators = new ArrayList<>(candidates.size());
        List<String> orgUnits = new ArrayList<>(candidates.size());
        List<String> periods = new ArrayList<>(candidates.size());
        for (Candidate c : candidates.values()) {
            indicators.add(c.given.definition().code());
            orgUnits.add(c.given.orgUnit());
            periods.add(c.given.period());
        }
        Map<String, Long> previous = new HashMap<>();
        Map<String, Retired> retiredRows = new HashMap<>();
        List<Candidate> changed = new ArrayList<>(candidates.size());
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
                    Candidate c = candidates.get(key);
                    String storedJson = rs.getString(7);
                    // read once: compared here, and what a retired unit row counted in its region taken from it
                    JsonNode stored = null;
                    boolean same = c != null && sameDecimal(rs.getBigDecimal(5), c.numerator)
                            && sameDecimal(rs.getBigDecimal(6), c.denominator);
                    if (same) {
                        stored = readDecimalsOrNull(storedJson);
                        same = stored != null && sameInputs(stored, c.inputsJson);
                    }
                    if (same) {
                        previous.put(key, null);
                    } else {
                        previous.put(key, rs.getLong(1));
                        retiredRows.put(key, new Retired(rs.getString(8), rs.getString(9), rs.getBigDecimal(5),
                                rs.getBigDecimal(6), storedJson, stored));
                    }
                }
            }
        }
        List<Long> retired = new ArrayList<>();
        candidates.forEach((key, c) -> {
            if (!previous.containsKey(key)) {
                changed.add(c);
                addToRegionDeltas(deltas, c, null);
            } else if (previous.get(key) != null) {
                retired.add(previous.get(key));
                changed.add(c);
                addToRegionDeltas(deltas, c, retiredRows.get(key));
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
            for (Candidate c : changed) {
                NewValue v = c.given;
                insert.setString(1, v.definition().code());
                insert.setString(2, v.orgUnit());
                insert.setString(3, v.level().name());
                insert.setString(4, v.regionCode());
                insert.setString(5, v.period());
                insert.setBigDecimal(6, c.numerator);
                insert.setObject(7, c.denominator, Types.NUMERIC);
                insert.setBigDecimal(8, v.definition().factor());
                insert.setObject(9, c.value, Types.NUMERIC);
                insert.setString(10, c.inputsJson);
                insert.setObject(11, OffsetDateTime.ofInstant(c.computedAt, ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        deltas.write(connection);
        return changed;
    }

    /**
     * A new unit value of a summed indicator changes its region's sums by what it counts there less what the row it
     * retires counted there (in the region that row was in: a unit may have moved). The sums count a row in the
     * region of its {@code region_code}, and its parts and counts as its stored {@code inputs} say.
     */
    private void addToRegionDeltas(RegionDeltas deltas, Candidate c, Retired old) {
        NewValue v = c.given;
        if (v.level() != OrgUnitLevel.UNIT || !v.definition().isSummed()) {
            return;
        }
        if (old != null && OrgUnitLevel.UNIT.name().equals(old.level()) && old.regionCode() != null) {
            JsonNode inputs = old.inputs() != null ? old.inputs() : readDecimals(old.inputsJson());
            deltas.add(v.period(), old.regionCode(), v.definition().code(),
                    member(old.numerator(), old.denominator(), inputs).negated());
        }
        if (v.regionCode() != null) {
            deltas.add(v.period(), v.regionCode(), v.definition().code(), member(c));
        }
    }

    private static RegionTotals member(BigDecimal numerator, BigDecimal denominator, JsonNode inputs) {
        return RegionTotals.ofMember(inputs.path("covered").asBoolean(false), numerator, denominator,
                counts(inputs.path("counts")));
    }

    /**
     * What a new value counts in its region's sums, from the inputs it was built from: the same as reading its
     * {@code inputsJson} back with exact decimals. Shapes other than a boolean {@code covered} and whole or decimal
     * counts (none is written today) are read back from the JSON, so that the two can never differ.
     */
    private RegionTotals member(Candidate c) {
        Object covered = c.inputs.get("covered");
        Object counts = c.inputs.get("counts");
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
            return member(c.numerator, c.denominator, readDecimals(c.inputsJson));
        }
        return RegionTotals.ofMember((Boolean) covered, c.numerator, c.denominator, byKey);
    }

    /** A whole or decimal number as JSON writes it and an exact read gives it back; null for anything else. */
    private static BigDecimal exactly(Object number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigDecimal.valueOf(((Number) number).longValue());
        }
        if (number instanceof java.math.BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        return null;
    }

    /** The numbers of an {@code inputs.counts} object by key, exactly. */
    private static Map<String, BigDecimal> counts(JsonNode counts) {
        Map<String, BigDecimal> byKey = new TreeMap<>();
        if (counts.isObject()) {
            counts.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    byKey.put(e.getKey(), e.getValue().decimalValue());
                } else if (!e.getValue().isNull()) {
                    byKey.put(e.getKey(), new BigDecimal(e.getValue().asText()));
                }
            });
        }
        return byKey;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #readDecimals}, or null when the text is not JSON. */
    private JsonNode readDecimalsOrNull(String json) {
        try {
            return json == null ? null : decimals.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Reads fractions as exact decimals, as the sums in SQL read them. */
    private JsonNode readDecimals(String json) {
        if (json == null) {
            return mapper.missingNode();
        }
        try {
            return decimals.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** N × factor ÷ D to one decimal; no value when D is 0; a count is N × factor. */
    static BigDecimal valueOf(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (denominator == null) {
            return numerator.multiply(factor).setScale(1, RoundingMode.HALF_UP);
        }
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(factor).divide(denominator, 1, RoundingMode.HALF_UP);
    }

    /**
     * Recomputes the region, ALF and nation values of summed indicators from their latest base values (units or
     * regions), summing in the database, for all the indicators at once: each given region's own value from its units
     * (when the base level is the unit), then the ALF and nation values once. A full rebuild; see the other
     * {@code rollUp} for what the roll-up worker does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUp(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            Collection<String> regionCodes) {
        rollUp(definitions, baseLevel, period, regionCodes, Set.copyOf(regionCodes), Map.of());
    }

    /**
     * Recomputes the region, ALF and nation values of summed indicators so that the cost does not grow with the
     * number of units, of the region or changed: when the base level is the unit, each given region's value is its
     * latest value plus the deltas its units caused since (one query for all of them), or for the regions to sum from
     * scratch the sum of its units' latest values; then the ALF and nation values once each from the regions' values.
     * A region without a value yet starts from zero; a region its last unit value left gets a value with no members.
     *
     * @param fromScratch the regions to sum from their units; their deltas, taken by the caller, are already in those
     *        sums
     * @param deltas the deltas taken ({@link #takeRegionDeltas}): region code to indicator to delta
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUp(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            Collection<String> regionCodes, Set<String> fromScratch, Map<String, Map<String, RegionTotals>> deltas) {
        rollUpAll(List.of(new RollUpWork(definitions, baseLevel, period, regionCodes, fromScratch, deltas)));
    }

    /**
     * What {@link #rollUp} sums of one base level and period.
     *
     * @param fromScratch the regions to sum from their units
     * @param deltas region code to indicator to delta
     */
    public record RollUpWork(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            Collection<String> regionCodes, Set<String> fromScratch,
            Map<String, Map<String, RegionTotals>> deltas) {
    }

    /**
     * {@link #rollUp} of many base levels and periods with a number of statements that does not grow with them: the
     * regions' latest values of all of them read in one query and their new values written by one {@link #recordAll},
     * then the ALF and nation sums of each summed level in two queries each and written by one more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpAll(List<RollUpWork> given) {
        List<RollUpWork> works = given.stream().filter(w -> !w.definitions().isEmpty()).toList();
        if (works.isEmpty()) {
            return;
        }
        // the sums read base values other transactions write: take the writers' turn before reading them
        serializeWriters();
        // the sums run as SQL, which must see everything written earlier in this transaction
        IndicatorValueEntity.getEntityManager().flush();
        List<RollUpWork> aboveUnits = works.stream()
                .filter(w -> w.baseLevel() == OrgUnitLevel.UNIT && !w.regionCodes().isEmpty()).toList();
        if (!aboveUnits.isEmpty()) {
            Map<String, Map<String, Map<String, RegionTotals>>> current = regionTotals(aboveUnits);
            List<NewValue> regions = new ArrayList<>();
            for (RollUpWork work : aboveUnits) {
                regions.addAll(regionValues(work, current.getOrDefault(work.period(), Map.of())));
            }
            recordAll(regions);
        }
        // above regions, the sums of the regions' sums: the same totals as summing the units, from 21 rows, not all
        // the units of the country
        Map<OrgUnitLevel, List<RollUpWork>> byBaseLevel = new EnumMap<>(OrgUnitLevel.class);
        works.forEach(w -> byBaseLevel.computeIfAbsent(w.baseLevel(), l -> new ArrayList<>()).add(w));
        List<NewValue> sums = new ArrayList<>();
        byBaseLevel.forEach((baseLevel, ofLevel) -> {
            boolean ofSums = baseLevel == OrgUnitLevel.UNIT;
            OrgUnitLevel summed = ofSums ? OrgUnitLevel.REGION : baseLevel;
            Map<String, Map<String, RegionTotals>> alf = sum(ofLevel, summed, ofSums,
                    "and region_code in (:region)", OrgUnitLevel.ALF_REGIONS);
            Map<String, Map<String, RegionTotals>> nation = sum(ofLevel, summed, ofSums, "", null);
            for (RollUpWork work : ofLevel) {
                Map<String, RegionTotals> alfOfPeriod = alf.getOrDefault(work.period(), Map.of());
                Map<String, RegionTotals> nationOfPeriod = nation.getOrDefault(work.period(), Map.of());
                for (IndicatorDefinition definition : work.definitions()) {
                    if (alfOfPeriod.containsKey(definition.code())) {
                        sums.add(alfOfPeriod.get(definition.code()).toValue(definition, OrgUnitLevel.ALF_ID,
                                OrgUnitLevel.ALF, null, work.period()));
                    }
                    if (nationOfPeriod.containsKey(definition.code())) {
                        sums.add(nationOfPeriod.get(definition.code()).toValue(definition,
                                OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION, null, work.period()));
                    }
                }
            }
        });
        recordAll(sums);
    }

    /** The new values of a unit-based work's regions, from their latest totals ({@code current}) and deltas. */
    private List<NewValue> regionValues(RollUpWork work, Map<String, Map<String, RegionTotals>> current) {
        List<NewValue> regions = new ArrayList<>();
        for (String regionCode : work.regionCodes()) {
            Map<String, RegionTotals> before = current.getOrDefault(regionCode, Map.of());
            Map<String, RegionTotals> totals = work.fromScratch().contains(regionCode) ? null
                    : plusDeltas(work.definitions(), before, work.deltas().getOrDefault(regionCode, Map.of()));
            if (totals == null) {
                if (!work.fromScratch().contains(regionCode)) {
                    LOG.warnf("Region %s period %s: its values plus deltas are not sums of units; summing its"
                            + " units again", regionCode, work.period());
                }
                totals = sum(List.of(work), OrgUnitLevel.UNIT, false, "and region_code = :region", regionCode)
                        .getOrDefault(work.period(), Map.of());
            }
            for (IndicatorDefinition definition : work.definitions()) {
                RegionTotals total = totals.get(definition.code());
                if (total == null && before.containsKey(definition.code())) {
                    // no unit value in the region any more: a sum over none, not the last sum kept
                    total = RegionTotals.ZERO;
                }
                if (total != null) {
                    regions.add(total.toValue(definition, regionCode, OrgUnitLevel.REGION, regionCode,
                            work.period()));
                }
            }
        }
        return regions;
    }

    /**
     * A region's latest totals plus its deltas, by indicator; none for an indicator with neither (no unit value was
     * ever in the region), nor for one whose deltas sum to no members from nothing stored. Null when the result cannot
     * be a sum of unit values (fewer than no members, more covered than members), which only a broken invariant gives.
     */
    private static Map<String, RegionTotals> plusDeltas(List<IndicatorDefinition> definitions,
            Map<String, RegionTotals> before, Map<String, RegionTotals> deltas) {
        Map<String, RegionTotals> totals = new HashMap<>();
        for (IndicatorDefinition definition : definitions) {
            RegionTotals stored = before.get(definition.code());
            RegionTotals delta = deltas.get(definition.code());
            if (stored == null && delta == null) {
                continue;
            }
            RegionTotals total = (stored == null ? RegionTotals.ZERO : stored)
                    .plus(delta == null ? RegionTotals.ZERO : delta).normalized();
            if (total.membersCovered() < 0 || total.membersCovered() > total.members()) {
                return null;
            }
            if (stored != null || total.members() > 0) {
                totals.put(definition.code(), total);
            }
        }
        return totals;
    }

    /**
     * The latest totals of the works' regions' values, in one query: period to region code to indicator to totals.
     * The query reads every combination of the works' periods, regions and indicators; what no work asked for is
     * read but not used.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, RegionTotals>>> regionTotals(List<RollUpWork> works) {
        Map<String, Map<String, Map<String, RegionTotals>>> totals = new HashMap<>();
        for (Object row : IndicatorValueEntity.getEntityManager().createNativeQuery("select period, region_code,"
                + " indicator, numerator, denominator, coalesce((inputs->>'members')::bigint, 0),"
                + " coalesce((inputs->>'membersCovered')::bigint, 0), cast(inputs->'counts' as text)"
                + " from indicator_value where period in (:periods) and org_unit_level = 'REGION'"
                + " and region_code in (:regions) and indicator in (:indicators) and latest")
                .setParameter("periods", periodsOf(works))
                .setParameter("regions", works.stream().flatMap(w -> w.regionCodes().stream())
                        .collect(Collectors.toCollection(TreeSet::new)))
                .setParameter("indicators", codesOf(works))
                .getResultList()) {
            Object[] cells = (Object[]) row;
            totals.computeIfAbsent((String) cells[0], k -> new HashMap<>())
                    .computeIfAbsent((String) cells[1], k -> new HashMap<>()).put((String) cells[2],
                            new RegionTotals(((Number) cells[5]).longValue(), ((Number) cells[6]).longValue(),
                                    (BigDecimal) cells[3], cells[4] == null ? BigDecimal.ZERO : (BigDecimal) cells[4],
                                    counts(readDecimals((String) cells[7]))));
        }
        return totals;
    }

    private static Set<String> periodsOf(List<RollUpWork> works) {
        return works.stream().map(RollUpWork::period).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> codesOf(List<RollUpWork> works) {
        return works.stream().flatMap(w -> w.definitions().stream()).map(IndicatorDefinition::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Takes (deletes and returns) the deltas of a period's regions: region code to indicator to delta. The caller
     * adds them to the region values, or sums the regions from scratch, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Map<String, RegionTotals>> takeRegionDeltas(String period) {
        // taken under the writers' turn, which every transaction adding deltas holds while it adds them
        serializeWriters();
        return IndicatorValueEntity.getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> RegionDeltas.take(connection, period,
                        json -> counts(readDecimals(json))));
    }

    /**
     * Marks the aggregates above changed base values as to be summed again by {@link RollUps} once this transaction
     * commits, instead of summing them in it: many events marking the same region, ALF and nation values in a short
     * time then cost one sum each. The mark commits with the base values, so it is never lost.
     *
     * @param regionCode the region of the base values when the base level is the unit; null for none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpSoon(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            String regionCode) {
        rollUpSoon(Map.of(new Mark(baseLevel, period, regionCode), definitions));
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

    /** {@link #rollUpSoon(List, OrgUnitLevel, String, String)} for many marks at once, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUpSoon(Map<Mark, ? extends Collection<IndicatorDefinition>> marks) {
        // one row per stored key: a statement may not update the same row twice
        Map<Mark, Set<String>> rows = new LinkedHashMap<>();
        marks.forEach((mark, definitions) -> {
            if (!definitions.isEmpty()) {
                definitions.forEach(d -> rows.computeIfAbsent(
                        new Mark(mark.baseLevel(), mark.period(), mark.storedRegion()), m -> new java.util.TreeSet<>())
                        .add(d.code()));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        // marks are written and taken under the writers' turn, so a mark never waits for the worker holding it
        serializeWriters();
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
        wakeRollUpsAfterCommit();
    }

    private void wakeRollUpsAfterCommit() {
        if (transactions.getResource(ROLL_UP_MARKED) == null) {
            transactions.putResource(ROLL_UP_MARKED, Boolean.TRUE);
            rollUpMarked.fire(new RollUpMarked());
        }
    }

    /** Fired when a transaction marked aggregates to sum again; observed after it commits. */
    public record RollUpMarked() {
    }

    /**
     * The totals of the latest base values the filter selects in the works' periods, by period and indicator; none
     * for one without any. Every combination of the works' periods and indicators is summed; what no work asked for
     * is summed but not used.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, RegionTotals>> sum(List<RollUpWork> works, OrgUnitLevel baseLevel,
            boolean ofSums, String filter, Object filterValue) {
        String where = " from indicator_value where indicator in (:indicators) and period in (:periods)"
                + " and org_unit_level = :level and latest " + filter;
        // rows that are sums themselves count the members they summed
        String membersSql = ofSums ? "coalesce(sum((inputs->>'members')::bigint), 0)" : "count(*)";
        String membersCoveredSql = ofSums ? "coalesce(sum((inputs->>'membersCovered')::bigint), 0)"
                : "count(*) filter (where (inputs->>'covered')::boolean)";
        Map<String, Map<String, Object[]>> rows = new HashMap<>();
        for (Object row : query("select period, indicator, " + membersSql + ", " + membersCoveredSql + ","
                + " coalesce(sum(numerator) filter (where (inputs->>'covered')::boolean), 0),"
                + " sum(denominator) filter (where (inputs->>'covered')::boolean)" + where
                + " group by period, indicator", works, baseLevel, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            rows.computeIfAbsent((String) cells[0], k -> new HashMap<>()).put((String) cells[1], cells);
        }
        Map<String, Map<String, Map<String, BigDecimal>>> counts = new HashMap<>();
        for (Object row : query("select v.period, v.indicator, c.key, sum(c.value::numeric) from (select period,"
                + " indicator, inputs" + where + ") v, jsonb_each_text(v.inputs->'counts') c"
                + " group by v.period, v.indicator, c.key", works, baseLevel, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            counts.computeIfAbsent((String) cells[0], k -> new HashMap<>())
                    .computeIfAbsent((String) cells[1], k -> new HashMap<>()).put((String) cells[2],
                            (BigDecimal) cells[3]);
        }
        Map<String, Map<String, RegionTotals>> totals = new HashMap<>();
        rows.forEach((period, byCode) -> byCode.forEach((code, cells) -> totals
                .computeIfAbsent(period, k -> new HashMap<>())
                .put(code, new RegionTotals(((Number) cells[2]).longValue(), ((Number) cells[3]).longValue(),
                        (BigDecimal) cells[4], cells[5] == null ? BigDecimal.ZERO : (BigDecimal) cells[5],
                        counts.getOrDefault(period, Map.of()).getOrDefault(code, Map.of())))));
        return totals;
    }

    private jakarta.persistence.Query query(String sql, List<RollUpWork> works, OrgUnitLevel baseLevel,
            Object filterValue) {
        jakarta.persistence.Query query = IndicatorValueEntity.getEntityManager().createNativeQuery(sql)
                .setParameter("indicators", codesOf(works)).setParameter("periods", periodsOf(works))
                .setParameter("level", baseLevel.name());
        if (filterValue != null) {
            query.setParameter("region", filterValue);
        }
        return query;
    }

    public List<IndicatorComputed> latest(String indicator, String orgUnit, String period, boolean aggregatesOnly) {
        List<String> clauses = new ArrayList<>(List.of("latest = true"));
        Map<String, Object> params = new HashMap<>();
        if (indicator != null) {
            clauses.add("indicator = :indicator");
            params.put("indicator", indicator);
        }
        if (orgUnit != null) {
            clauses.add("orgUnit = :orgUnit");
            params.put("orgUnit", orgUnit);
        }
        if (period != null) {
            clauses.add("period = :period");
            params.put("period", period);
        }
        if (aggregatesOnly) {
            clauses.add("orgUnitLevel <> 'UNIT'");
        }
        return IndicatorValueEntity.<IndicatorValueEntity>find(String.join(" and ", clauses),
                Sort.by("indicator").and("orgUnit").and("period"), params)
                .list().stream().map(this::toEvent).toList();
    }

    public Optional<IndicatorValueEntity> latestOne(String indicator, String orgUnit, String period) {
        return IndicatorValueEntity
                .find("indicator = ?1 and orgUnit = ?2 and period = ?3 and latest", indicator, orgUnit, period)
                .firstResultOptional();
    }

    /** Values in the order computed, after the given id. */
    public List<IndicatorValueEntity> after(long id, int limit) {
        return IndicatorValueEntity.find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }

    public IndicatorComputed toEvent(IndicatorValueEntity v) {
        return new IndicatorComputed(v.indicator, v.orgUnit, v.orgUnitLevel, v.period, v.numerator, v.denominator,
                v.factor, v.value, mapper.valueToTree(v.inputs), v.computedAt);
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Compares as trees, so that key order and number formatting of the stored jsonb do not matter. Fractions compare
     * as doubles (the stored ones are read exactly, for the sums, and rounded to a double here): a difference beyond a
     * double's precision is no change.
     */
    private boolean sameInputs(JsonNode stored, String fresh) {
        try {
            return normalized(stored).equals(normalized(mapper.readTree(fresh)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Numbers as decimals without trailing zeros, so 25.0 read back from jsonb equals 25.0 computed now. */
    private JsonNode normalized(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal decimal = node.isFloatingPointNumber() ? BigDecimal.valueOf(node.doubleValue())
                    : node.decimalValue();
            return mapper.getNodeFactory().numberNode(decimal.stripTrailingZeros());
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = mapper.createArrayNode();
            node.forEach(e -> copy.add(normalized(e)));
            return copy;
        }
        return node;
    }
}
