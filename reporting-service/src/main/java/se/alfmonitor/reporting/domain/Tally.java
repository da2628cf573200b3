package se.alfmonitor.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.alfmonitor.contract.Shares;
import se.alfmonitor.reporting.persistence.ReadModelQueries.AssessmentRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.LevelRow;

/**
 * Counts of one campaign's assessments by region and level, and the contract's share and mean definitions over them.
 * Every figure the dashboard endpoints serve is derived here, so the compliance matrix, the region scorecard and the
 * remediation overview cannot disagree.
 */
final class Tally {

    static final Set<String> FULFILLED = Set.of("MET", "NOT_APPLICABLE");
    static final String PENDING = "PENDING_REVIEW";
    static final String MET = "MET";

    private final Map<String, Integer> responding = new HashMap<>();
    private final Map<String, Integer> allMet = new HashMap<>();
    private final Map<String, Integer> withUnmet = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> fulfilled = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> pending = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> met = new HashMap<>();

    Tally(List<AssessmentRow> rows) {
        for (AssessmentRow row : rows) {
            String region = row.regionCode();
            responding.merge(region, 1, Integer::sum);
            if (row.allMet()) {
                allMet.merge(region, 1, Integer::sum);
            }
            boolean unmet = false;
            for (LevelRow level : row.levels()) {
                if (MET.equals(level.outcome())) {
                    met.computeIfAbsent(region, r -> new HashMap<>()).merge(level.number(), 1, Integer::sum);
                }
                if (FULFILLED.contains(level.outcome())) {
                    fulfilled.computeIfAbsent(region, r -> new HashMap<>()).merge(level.number(), 1, Integer::sum);
                } else {
                    unmet = true;
                    if (PENDING.equals(level.outcome())) {
                        pending.computeIfAbsent(region, r -> new HashMap<>()).merge(level.number(), 1, Integer::sum);
                    }
                }
            }
            if (unmet) {
                withUnmet.merge(region, 1, Integer::sum);
            }
        }
    }

    int responding(String region) {
        return responding.getOrDefault(region, 0);
    }

    int responding() {
        return sum(responding);
    }

    int allMet(String region) {
        return allMet.getOrDefault(region, 0);
    }

    int allMet() {
        return sum(allMet);
    }

    int unitsWithUnmet(String region) {
        return withUnmet.getOrDefault(region, 0);
    }

    int fulfilled(String region, int level) {
        return fulfilled.getOrDefault(region, Map.of()).getOrDefault(level, 0);
    }

    int fulfilled(int level) {
        return fulfilled.values().stream().mapToInt(m -> m.getOrDefault(level, 0)).sum();
    }

    /** Responding units of the region for which the level is NOT_MET or PENDING_REVIEW. */
    int unmet(String region, int level) {
        return responding(region) - fulfilled(region, level);
    }

    int met(String region, int level) {
        return met.getOrDefault(region, Map.of()).getOrDefault(level, 0);
    }

    int met(int level) {
        return met.values().stream().mapToInt(m -> m.getOrDefault(level, 0)).sum();
    }

    int pending(int level) {
        return pending.values().stream().mapToInt(m -> m.getOrDefault(level, 0)).sum();
    }

    int pending(String region, int level) {
        return pending.getOrDefault(region, Map.of()).getOrDefault(level, 0);
    }

    BigDecimal share(String region, int level) {
        return Shares.percent(fulfilled(region, level), responding(region));
    }

    BigDecimal nationalShare(int level) {
        return Shares.percent(fulfilled(level), responding());
    }

    /** The region's unweighted mean over the given levels' shares; null without responding units. */
    BigDecimal average(String region, List<MinimumLevel> levels) {
        List<BigDecimal> shares = new ArrayList<>();
        for (MinimumLevel level : levels) {
            BigDecimal share = share(region, level.number());
            if (share != null) {
                shares.add(share);
            }
        }
        return Shares.mean(shares);
    }

    BigDecimal nationalAverage(List<MinimumLevel> levels) {
        List<BigDecimal> shares = new ArrayList<>();
        for (MinimumLevel level : levels) {
            BigDecimal share = nationalShare(level.number());
            if (share != null) {
                shares.add(share);
            }
        }
        return Shares.mean(shares);
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
