package se.alfmonitor.assessment.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.contract.Shares;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * The compliance matrix of one campaign as the contract defines it for {@code GET /api/compliance} (reporting-service):
 * a unit is responding when it has an assessment; a level's share in a region is its fulfilled units (MET or
 * NOT_APPLICABLE) over its responding units × 100 with one decimal; a region's average is the unweighted mean of its
 * level shares; the nation pools the units. Counted here from outcomes rather than read from reporting-service, as a
 * simulation's outcomes exist nowhere else.
 *
 * @param regions the regions with responding units, by code
 */
public record ComplianceMatrix(List<String> regions, List<Level> levels, Map<String, BigDecimal> regionAverages,
        BigDecimal nationalAverage, MeetingAll unitsMeetingAll) {

    /** @param share null without responding units */
    public record Cell(int met, int notApplicable, int pending, int responding, BigDecimal share) {
    }

    public record Level(int number,
            @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
            Map<String, Cell> regions, Cell nation) {
    }

    public record MeetingAll(int count, BigDecimal share, Map<String, Integer> byRegion) {
    }

    /** After minus before; a share's delta is null where either share is. */
    public record CellDelta(int met, int notApplicable, int pending, BigDecimal share) {
    }

    public record LevelDelta(int number, Map<String, CellDelta> regions, CellDelta nation) {
    }

    public record Delta(List<LevelDelta> levels, Map<String, BigDecimal> regionAverages, BigDecimal nationalAverage,
            int unitsMeetingAll) {
    }

    /** Counts outcomes unit by unit; outcomes are indexed by level number - 1, null where a level is absent. */
    static final class Counter {

        private static final int KINDS = LevelOutcome.values().length;

        private final Map<Integer, String> areas;
        private final Map<String, int[][]> counts = new HashMap<>();
        private final Map<String, Integer> responding = new HashMap<>();
        private final Map<String, Integer> allMet = new HashMap<>();

        /** @param areas the area of each level, by number, in the order the matrix lists them */
        Counter(Map<Integer, String> areas) {
            this.areas = areas;
        }

        void add(String region, LevelOutcome[] outcomes) {
            responding.merge(region, 1, Integer::sum);
            int[][] byLevel = counts.computeIfAbsent(region, r -> new int[outcomes.length][KINDS]);
            boolean all = outcomes.length > 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    all = false;
                    continue;
                }
                byLevel[i][outcomes[i].ordinal()]++;
                all &= outcomes[i].fulfilled();
            }
            if (all) {
                allMet.merge(region, 1, Integer::sum);
            }
        }

        ComplianceMatrix matrix(TreeSet<String> regions) {
            List<Level> levels = new ArrayList<>();
            Map<String, List<BigDecimal>> regionShares = new HashMap<>();
            List<BigDecimal> nationalShares = new ArrayList<>();
            for (Map.Entry<Integer, String> level : areas.entrySet()) {
                int index = level.getKey() - 1;
                Map<String, Cell> cells = new LinkedHashMap<>();
                int[] nation = new int[KINDS];
                int nationResponding = 0;
                for (String region : regions) {
                    int[][] byLevel = counts.get(region);
                    int[] c = byLevel == null || index >= byLevel.length ? new int[KINDS] : byLevel[index];
                    int n = responding.getOrDefault(region, 0);
                    Cell cell = cell(c, n);
                    cells.put(region, cell);
                    if (cell.share() != null) {
                        regionShares.computeIfAbsent(region, r -> new ArrayList<>()).add(cell.share());
                    }
                    for (int k = 0; k < KINDS; k++) {
                        nation[k] += c[k];
                    }
                    nationResponding += n;
                }
                Cell national = cell(nation, nationResponding);
                if (national.share() != null) {
                    nationalShares.add(national.share());
                }
                levels.add(new Level(level.getKey(), level.getValue(), cells, national));
            }
            Map<String, BigDecimal> averages = new LinkedHashMap<>();
            Map<String, Integer> meetingAll = new LinkedHashMap<>();
            int respondingAll = 0;
            for (String region : regions) {
                averages.put(region, Shares.mean(regionShares.getOrDefault(region, List.of())));
                meetingAll.put(region, allMet.getOrDefault(region, 0));
                respondingAll += responding.getOrDefault(region, 0);
            }
            int all = meetingAll.values().stream().mapToInt(Integer::intValue).sum();
            return new ComplianceMatrix(List.copyOf(regions), levels, averages, Shares.mean(nationalShares),
                    new MeetingAll(all, Shares.percent(all, respondingAll), meetingAll));
        }

        private static Cell cell(int[] c, int responding) {
            int met = c[LevelOutcome.MET.ordinal()];
            int notApplicable = c[LevelOutcome.NOT_APPLICABLE.ordinal()];
            return new Cell(met, notApplicable, c[LevelOutcome.PENDING_REVIEW.ordinal()], responding,
                    Shares.percent(met + notApplicable, responding));
        }
    }

    /** {@code after} minus {@code before}, cell by cell; both are of the same units, so of the same regions. */
    static Delta delta(ComplianceMatrix before, ComplianceMatrix after) {
        List<LevelDelta> levels = new ArrayList<>();
        for (int i = 0; i < after.levels().size(); i++) {
            Level a = after.levels().get(i);
            Level b = before.levels().get(i);
            Map<String, CellDelta> regions = new LinkedHashMap<>();
            a.regions().forEach((region, cell) -> regions.put(region, delta(b.regions().get(region), cell)));
            levels.add(new LevelDelta(a.number(), regions, delta(b.nation(), a.nation())));
        }
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        after.regionAverages().forEach((region, share) -> averages.put(region,
                minus(share, before.regionAverages().get(region))));
        return new Delta(levels, averages, minus(after.nationalAverage(), before.nationalAverage()),
                after.unitsMeetingAll().count() - before.unitsMeetingAll().count());
    }

    private static CellDelta delta(Cell before, Cell after) {
        return new CellDelta(after.met() - before.met(), after.notApplicable() - before.notApplicable(),
                after.pending() - before.pending(), minus(after.share(), before.share()));
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
