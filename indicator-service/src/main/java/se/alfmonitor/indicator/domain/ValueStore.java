package se.alfmonitor.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.Session;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** Arbitrary key of the advisory lock that orders writers of values. */
    private static final long VALUE_WRITER_LOCK = 0x414c46_494e44L;
    private static final Object LOCK_TAKEN = new Object();

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;

    public ValueStore(Outbox outbox, ObjectMapper mapper, TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.transactions = transactions;
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
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("catalogueVersion", definition.version());
        inputs.put("covered", parts != null);
        inputs.putAll(details);
        serializeWriters();
        BigDecimal numerator = parts == null ? BigDecimal.ZERO : parts.numerator();
        BigDecimal denominator = definition.isCount() ? null : parts == null ? BigDecimal.ZERO : parts.denominator();

        Instant computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BigDecimal value = parts == null ? null : valueOf(numerator, denominator, definition.factor());
        String inputsJson = json(inputs);
        // plain JDBC: thousands of values per event must not each stay managed and dirty-checked by the session
        boolean stored = IndicatorValueEntity.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Long previousId = null;
            try (PreparedStatement find = connection.prepareStatement("select id, numerator, denominator,"
                    + " cast(inputs as text) from indicator_value where indicator = ? and org_unit = ? and period = ?"
                    + " and latest")) {
                find.setString(1, definition.code());
                find.setString(2, orgUnit);
                find.setString(3, period);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        if (sameDecimal(rs.getBigDecimal(2), numerator) && sameDecimal(rs.getBigDecimal(3), denominator)
                                && sameJson(rs.getString(4), inputsJson)) {
                            return false;
                        }
                        previousId = rs.getLong(1);
                    }
                }
            }
            if (previousId != null) {
                try (PreparedStatement retire = connection.prepareStatement(
                        "update indicator_value set latest = false where id = ?")) {
                    retire.setLong(1, previousId);
                    retire.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into indicator_value (indicator,"
                    + " org_unit, org_unit_level, region_code, period, numerator, denominator, factor, value, inputs,"
                    + " computed_at, latest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, true)")) {
                insert.setString(1, definition.code());
                insert.setString(2, orgUnit);
                insert.setString(3, level.name());
                insert.setString(4, regionCode);
                insert.setString(5, period);
                insert.setBigDecimal(6, numerator);
                insert.setObject(7, denominator, Types.NUMERIC);
                insert.setBigDecimal(8, definition.factor());
                insert.setObject(9, value, Types.NUMERIC);
                insert.setString(10, inputsJson);
                insert.setObject(11, OffsetDateTime.ofInstant(computedAt, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return true;
        });
        if (stored) {
            String key = Topic.indicatorKey(definition.code(), orgUnit, period);
            outbox.publish(Topic.INDICATORS, key, key, new IndicatorComputed(definition.code(), orgUnit, level.name(),
                    period, numerator, denominator, definition.factor(), value, readTree(inputsJson), computedAt));
        }
        return stored;
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
     * regions), in the database and for all the indicators at once, so that an event stays cheap however many units
     * there are.
     *
     * @param regionCode the region whose value to recompute when the base level is the unit; null to skip it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollUp(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            String regionCode) {
        if (definitions.isEmpty()) {
            return;
        }
        // the sums read base values other transactions write: take the writers' turn before reading them
        serializeWriters();
        // the sums run as SQL, which must see everything written earlier in this transaction
        IndicatorValueEntity.getEntityManager().flush();
        if (baseLevel == OrgUnitLevel.UNIT && regionCode != null) {
            sum(definitions, baseLevel, period, OrgUnitLevel.REGION, regionCode, regionCode,
                    "and region_code = :region", regionCode);
        }
        sum(definitions, baseLevel, period, OrgUnitLevel.ALF, OrgUnitLevel.ALF_ID, null,
                "and region_code in (:region)", OrgUnitLevel.ALF_REGIONS);
        sum(definitions, baseLevel, period, OrgUnitLevel.NATION, OrgUnitLevel.NATION_ID, null, "", null);
    }

    @SuppressWarnings("unchecked")
    private void sum(List<IndicatorDefinition> definitions, OrgUnitLevel baseLevel, String period,
            OrgUnitLevel level, String orgUnit, String regionCode, String filter, Object filterValue) {
        String where = " from indicator_value where indicator in (:indicators) and period = :period"
                + " and org_unit_level = :level and latest " + filter;
        Map<String, Object[]> totals = new HashMap<>();
        for (Object row : query("select indicator, count(*), count(*) filter (where (inputs->>'covered')::boolean),"
                + " coalesce(sum(numerator) filter (where (inputs->>'covered')::boolean), 0),"
                + " sum(denominator) filter (where (inputs->>'covered')::boolean)" + where + " group by indicator",
                definitions, baseLevel, period, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            totals.put((String) cells[0], cells);
        }
        Map<String, Map<String, Object>> counts = new HashMap<>();
        for (Object row : query("select v.indicator, c.key, sum(c.value::numeric) from (select indicator, inputs"
                + where + ") v, jsonb_each_text(v.inputs->'counts') c group by v.indicator, c.key", definitions,
                baseLevel, period, filterValue).getResultList()) {
            Object[] cells = (Object[]) row;
            counts.computeIfAbsent((String) cells[0], k -> new java.util.TreeMap<>()).put((String) cells[1], cells[2]);
        }
        for (IndicatorDefinition definition : definitions) {
            Object[] cells = totals.get(definition.code());
            if (cells == null) {
                continue;
            }
            long members = ((Number) cells[1]).longValue();
            long covered = ((Number) cells[2]).longValue();
            BigDecimal n = (BigDecimal) cells[3];
            BigDecimal d = definition.isCount() ? null : cells[4] == null ? BigDecimal.ZERO : (BigDecimal) cells[4];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("members", members);
            details.put("membersCovered", covered);
            if (counts.containsKey(definition.code())) {
                details.put("counts", counts.get(definition.code()));
            }
            record(definition, orgUnit, level, regionCode, period, covered == 0 ? null : new Parts(n, d), details);
        }
    }

    private jakarta.persistence.Query query(String sql, List<IndicatorDefinition> definitions,
            OrgUnitLevel baseLevel, String period, Object filterValue) {
        jakarta.persistence.Query query = IndicatorValueEntity.getEntityManager().createNativeQuery(sql)
                .setParameter("indicators", definitions.stream().map(IndicatorDefinition::code).toList())
                .setParameter("period", period).setParameter("level", baseLevel.name());
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

    /** Compares as trees, so that key order and number formatting of the stored jsonb do not matter. */
    private boolean sameJson(String stored, String fresh) {
        try {
            return normalized(mapper.readTree(stored)).equals(normalized(mapper.readTree(fresh)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Numbers as decimals without trailing zeros, so 25.0 read back from jsonb equals 25.0 computed now. */
    private JsonNode normalized(JsonNode node) {
        if (node.isNumber()) {
            return mapper.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
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
