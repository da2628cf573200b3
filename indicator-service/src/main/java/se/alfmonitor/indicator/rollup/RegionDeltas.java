package se.alfmonitor.indicator.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The changes of region sums that new unit values cause, collected while one batch of values is stored and added to
 * table {@code rollup_delta} in one statement, in the storing transaction (under the writers' turn): they commit with
 * the unit values or not at all, and the roll-up worker takes them in the transaction that writes the region values
 * they lead to, so each is applied exactly once.
 */
final class RegionDeltas {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private record Key(String period, String regionCode, String indicator) {
    }

    private final Map<Key, RegionTotals> collected = new LinkedHashMap<>();

    void add(String period, String regionCode, String indicator, RegionTotals change) {
        collected.merge(new Key(period, regionCode, indicator), change, RegionTotals::plus);
    }

    /** True when nothing changes any region's sums. */
    boolean isEmpty() {
        return collected.values().stream().allMatch(RegionTotals::isZero);
    }

    /** Adds what was collected to the stored deltas, in one statement. */
    void write(Connection connection) throws SQLException {
        Map<Key, RegionTotals> changes = new LinkedHashMap<>();
        collected.forEach((key, change) -> {
            if (!change.isZero()) {
                changes.put(key, change);
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] periods = new String[n];
        String[] regions = new String[n];
        String[] indicators = new String[n];
        Long[] members = new Long[n];
        Long[] membersCovered = new Long[n];
        BigDecimal[] numerators = new BigDecimal[n];
        BigDecimal[] denominators = new BigDecimal[n];
        String[] counts = new String[n];
        int i = 0;
        for (Map.Entry<Key, RegionTotals> e : changes.entrySet()) {
            periods[i] = e.getKey().period();
            regions[i] = e.getKey().regionCode();
            indicators[i] = e.getKey().indicator();
            members[i] = e.getValue().members();
            membersCovered[i] = e.getValue().membersCovered();
            numerators[i] = e.getValue().numerator();
            denominators[i] = e.getValue().denominator();
            counts[i] = json(e.getValue().counts());
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into rollup_delta as d (period, region_code, indicator, members, members_covered, numerator,
                    denominator, counts)
                select period, region_code, indicator, members, members_covered, numerator, denominator,
                    cast(counts as jsonb)
                from unnest(?, ?, ?, ?, ?, ?, ?, ?)
                    as n(period, region_code, indicator, members, members_covered, numerator, denominator, counts)
                on conflict (period, region_code, indicator) do update set
                    members = d.members + excluded.members,
                    members_covered = d.members_covered + excluded.members_covered,
                    numerator = d.numerator + excluded.numerator,
                    denominator = d.denominator + excluded.denominator,
                    counts = (select coalesce(jsonb_object_agg(c.key, c.total), '{}'::jsonb)
                        from (select e.key, sum(e.value::numeric) as total
                            from (select * from jsonb_each_text(d.counts)
                                union all select * from jsonb_each_text(excluded.counts)) e
                            group by e.key) c)""")) {
            upsert.setArray(1, connection.createArrayOf("text", periods));
            upsert.setArray(2, connection.createArrayOf("text", regions));
            upsert.setArray(3, connection.createArrayOf("text", indicators));
            upsert.setArray(4, connection.createArrayOf("bigint", members));
            upsert.setArray(5, connection.createArrayOf("bigint", membersCovered));
            upsert.setArray(6, connection.createArrayOf("numeric", numerators));
            upsert.setArray(7, connection.createArrayOf("numeric", denominators));
            upsert.setArray(8, connection.createArrayOf("text", counts));
            upsert.executeUpdate();
        }
    }

    /**
     * Deletes and returns the stored deltas of a period: region code to indicator to delta.
     *
     * @param countsOf reads a stored {@code counts} object
     */
    static Map<String, Map<String, RegionTotals>> take(Connection connection, String period,
            Function<String, Map<String, BigDecimal>> countsOf) throws SQLException {
        Map<String, Map<String, RegionTotals>> deltas = new HashMap<>();
        try (PreparedStatement take = connection.prepareStatement("delete from rollup_delta where period = ?"
                + " returning region_code, indicator, members, members_covered, numerator, denominator,"
                + " cast(counts as text)")) {
            take.setString(1, period);
            try (ResultSet rs = take.executeQuery()) {
                while (rs.next()) {
                    deltas.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            new RegionTotals(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                                    countsOf.apply(rs.getString(7))));
                }
            }
        }
        return deltas;
    }

    private static String json(Map<String, BigDecimal> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
