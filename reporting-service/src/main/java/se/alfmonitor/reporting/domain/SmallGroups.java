package se.alfmonitor.reporting.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.SmallGroupRule;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.persistence.ReadModelQueries;
import se.alfmonitor.reporting.persistence.ReadModelQueries.IndicatorRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.UnitCount;

/**
 * The small-group rule: a figure computed from fewer than {@code alf.reporting.minimum-group} responding units (3 by
 * default) would tell its reader how those one or two units were assessed, so it is shown only to a caller who may
 * see those units anyway (assessor, monitor, admin; a reporter for its own region). Everyone else gets the figure as
 * suppressed: its value {@code null} and the region named in {@code suppression.regions}, never 0.
 * <p>
 * The national figures pool all regions, so the nation minus the regions shown would give the suppressed regions'
 * figures back. They are suppressed too when that difference is a group of fewer than the minimum (the suppressed
 * regions hold 1 or 2 responding units between them), or when the nation itself has fewer. The arithmetic is the
 * contract's {@link SmallGroupRule}; this class says who may see which units.
 * <p>
 * The same rule applies to indicator values that are outcome figures of units (indicator-service marks them with the
 * indicator whose denominator counts their responding units, {@code group_size_of} in the read model): a region's,
 * the ALF regions' or the nation's value of 1 or 2 units, or one that would give such a group back, is suppressed.
 */
@ApplicationScoped
public class SmallGroups {

    private final Caller caller;
    private final SmallGroupRule rule;
    private final ReadModelQueries queries;

    public SmallGroups(Caller caller, @ConfigProperty(name = "alf.reporting.minimum-group", defaultValue = "3")
            int minimum, ReadModelQueries queries) {
        this.caller = caller;
        this.rule = new SmallGroupRule(minimum);
        this.queries = queries;
    }

    /** What the caller may not see of one campaign's tally. */
    Suppression of(Tally tally) {
        Map<String, Integer> regions = new LinkedHashMap<>();
        for (AlfRegion region : AlfRegion.values()) {
            regions.put(region.code(), tally.responding(region.code()));
        }
        SmallGroupRule.Suppressed hidden = rule.apply(regions, tally.responding(), false, this::seesUnitsOf);
        return new Suppression(rule.minimum(), hidden.regions(), hidden.national());
    }

    /**
     * Which of these indicator values the caller may not see: those of an outcome figure of units whose group (or
     * the group an aggregate would give back) has 1 or 2 responding units. A value whose counting indicator has no
     * units where the value exists is of a size not known and suppressed as well.
     */
    public Set<IndicatorRow> hiddenIndicators(List<IndicatorRow> rows) {
        if (seesUnitsOf(SmallGroupRule.NATION)) {
            return Set.of();
        }
        Set<String> counters = new java.util.HashSet<>();
        Set<String> periods = new java.util.HashSet<>();
        rows.stream().filter(r -> r.groupSizeOf() != null && !"UNIT".equals(r.orgUnitLevel())).forEach(r -> {
            counters.add(r.groupSizeOf());
            periods.add(r.period());
        });
        Map<String, Counts> counts = new HashMap<>();
        for (UnitCount count : queries.unitCounts(counters, periods)) {
            Counts c = counts.computeIfAbsent(count.indicator() + "|" + count.period(), k -> new Counts());
            switch (count.orgUnitLevel()) {
                case "REGION" -> c.regions.put(count.orgUnit(), count.units());
                case "ALF" -> c.alf = count.units();
                default -> c.nation = count.units();
            }
        }
        Set<IndicatorRow> hidden = new java.util.HashSet<>();
        Map<String, SmallGroupRule.Suppressed> rules = new HashMap<>();
        for (IndicatorRow row : rows) {
            if (row.groupSizeOf() == null || "UNIT".equals(row.orgUnitLevel())) {
                continue;
            }
            String key = row.groupSizeOf() + "|" + row.period();
            Counts c = counts.getOrDefault(key, new Counts());
            SmallGroupRule.Suppressed s = rules.computeIfAbsent(key,
                    k -> rule.apply(c.regions, c.nation(), true, this::seesUnitsOf));
            boolean suppressed = switch (row.orgUnitLevel()) {
                case "REGION" -> s.regions().contains(row.orgUnit())
                        || unknownSize(row, c.regions.getOrDefault(row.orgUnit(), 0))
                                && !seesUnitsOf(row.orgUnit());
                case "ALF" -> s.alf() || unknownSize(row, c.alf());
                default -> s.national() || unknownSize(row, c.nation());
            };
            if (suppressed) {
                hidden.add(row);
            }
        }
        return hidden;
    }

    private static boolean unknownSize(IndicatorRow row, int units) {
        return row.value() != null && units == 0;
    }

    /** Responding units of one counting indicator in one period. */
    private static final class Counts {
        final Map<String, Integer> regions = new TreeMap<>();
        Integer alf;
        Integer nation;

        int alf() {
            return alf != null ? alf : regions.entrySet().stream()
                    .filter(e -> AlfRegion.byCode(e.getKey()).isPresent()).mapToInt(Map.Entry::getValue).sum();
        }

        int nation() {
            return nation != null ? nation : regions.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public int minimum() {
        return rule.minimum();
    }

    private boolean seesAllUnits() {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.ASSESSOR) || caller.hasRole(Roles.MONITOR);
    }

    /** Whether the caller may see the units of a region; asked for the nation, whether it may see every unit. */
    private boolean seesUnitsOf(String region) {
        return seesAllUnits() || !SmallGroupRule.NATION.equals(region)
                && caller.hasRole(Roles.REPORTER) && caller.regionCode().filter(region::equals).isPresent();
    }

    /**
     * @param minimumUnits the smallest group whose figures are shown to everyone
     * @param regions the regions whose outcome figures are suppressed for this caller
     * @param national whether the national figures are suppressed for this caller
     */
    public record Suppression(int minimumUnits, Set<String> regions, boolean national) {

        public boolean hides(String region) {
            return regions.contains(region);
        }

        /** The value, or null when the region's figures are suppressed. */
        public <T> T region(String region, T value) {
            return hides(region) ? null : value;
        }

        /** The value, or null when the national figures are suppressed. */
        public <T> T national(T value) {
            return national ? null : value;
        }
    }
}
