package se.alfmonitor.contract;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The contract's small-group rule as arithmetic, so that every service that shows outcome figures of units
 * (reporting-service's matrix and scorecards, indicator-service's unit-derived indicator values) suppresses the same
 * groups: a figure of fewer than {@code minimum} responding units (1 or 2 by default) would say how those units were
 * assessed, so it is shown only to a caller who may see those units anyway.
 * <p>
 * An aggregate that pools regions (the seven ALF regions together, the nation) is suppressed as well when it is small
 * itself, or when subtracting the regions shown from it would give back a small group: the suppressed regions it
 * pools hold 1 or 2 units between them. Units of regions not listed (not shown one by one) count as suppressed. The
 * nation minus the ALF regions gives back the other regions, so when an ALF aggregate is published and shown, the
 * nation is suppressed too while the suppressed regions outside ALF hold 1 or 2 units. Who may see which units is the
 * caller's business: the rule takes it as a predicate.
 *
 * @param minimum the smallest group whose figures are shown to everyone
 */
public record SmallGroupRule(int minimum) {

    /** What {@code seesUnitsOf} is asked for the nation: whether the caller may see every unit. */
    public static final String NATION = "SE";

    public SmallGroupRule {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be at least 1");
        }
    }

    /** Whether a group of this many responding units is too small to show: 1 up to minimum − 1 (0 has no figure). */
    public boolean small(long units) {
        return units > 0 && units < minimum;
    }

    /**
     * @param regionUnits responding units per region code, for the regions shown one by one
     * @param nationUnits responding units of the nation (all regions, listed or not)
     * @param alfPublished whether an aggregate of the seven ALF regions is shown beside the nation
     * @param seesUnitsOf whether the caller may see the units of a region (and so its figures whatever their size);
     *        asked for {@link #NATION}, whether it may see every unit
     * @return what the caller may not see
     */
    public Suppressed apply(Map<String, Integer> regionUnits, long nationUnits, boolean alfPublished,
            Predicate<String> seesUnitsOf) {
        SortedSet<String> regions = new TreeSet<>();
        long hiddenAlf = 0;
        long hiddenOther = 0;
        long listed = 0;
        long alfUnits = 0;
        for (Map.Entry<String, Integer> region : regionUnits.entrySet()) {
            int units = region.getValue() == null ? 0 : region.getValue();
            boolean alf = AlfRegion.byCode(region.getKey()).isPresent();
            listed += units;
            alfUnits += alf ? units : 0;
            if (small(units) && !seesUnitsOf.test(region.getKey())) {
                regions.add(region.getKey());
                if (alf) {
                    hiddenAlf += units;
                } else {
                    hiddenOther += units;
                }
            }
        }
        // units of regions not shown one by one are given back by the nation minus the regions shown
        hiddenOther += Math.max(0, nationUnits - listed);
        boolean seesAll = seesUnitsOf.test(NATION);
        boolean alf = alfPublished && !seesAll && (small(alfUnits) || small(hiddenAlf));
        boolean nation = !seesAll && (small(nationUnits) || small(hiddenAlf + hiddenOther)
                || alfPublished && !alf && small(hiddenOther));
        return new Suppressed(minimum, Collections.unmodifiableSortedSet(regions), alf, nation);
    }

    /**
     * @param minimumUnits the smallest group whose figures are shown to everyone
     * @param regions the regions whose figures are suppressed for this caller, in code order
     * @param alf whether the aggregate of the ALF regions is suppressed for this caller
     * @param national whether the national figures are suppressed for this caller
     */
    public record Suppressed(int minimumUnits, Set<String> regions, boolean alf, boolean national) {
    }
}
