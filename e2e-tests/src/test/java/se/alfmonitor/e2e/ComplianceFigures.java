package se.alfmonitor.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The figures of reporting-service's compliance matrix ({@code GET /api/compliance}) as a flat, sorted map
 * ({@code share/18/01 → 93.8}), either read from its answer or recomputed from assessment-service's latest
 * assessments as the contract defines them, so that the two can be compared cell by cell: a unit with an assessment
 * is responding; a level's share is its units with outcome MET or NOT_APPLICABLE ÷ responding units × 100 with one
 * decimal (half up); averages are unweighted means of the rounded level shares; no responding units, no share.
 */
final class ComplianceFigures {

    /** The seven ALF regions, the columns of the matrix. */
    static final List<String> ALF_REGIONS = List.of("01", "03", "05", "12", "14", "18", "24");
    private static final Set<String> FULFILLED = Set.of("MET", "NOT_APPLICABLE");

    private ComplianceFigures() {
    }

    /** The figures of a compliance answer. */
    static Map<String, String> of(JsonNode compliance) {
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode region : compliance.path("regions")) {
            String code = region.path("code").asText();
            figures.put("responding/" + code, region.path("respondingUnits").asText());
            figures.put("average/" + code, decimal(region.path("averageShare")));
        }
        for (JsonNode level : compliance.path("levels")) {
            int number = level.path("number").asInt();
            level.path("shares").fields().forEachRemaining(
                    share -> figures.put("share/" + number + "/" + share.getKey(), decimal(share.getValue())));
            figures.put("share/" + number + "/SE", decimal(level.path("nationalShare")));
        }
        figures.put("average/SE", decimal(compliance.path("nationalAverage")));
        JsonNode allMet = compliance.path("unitsMeetingAll");
        figures.put("allMet/SE", allMet.path("count").asText() + " " + decimal(allMet.path("share")));
        allMet.path("byRegion").fields().forEachRemaining(region -> figures.put("allMet/" + region.getKey(),
                region.getValue().path("count").asText() + " " + decimal(region.getValue().path("share"))));
        return figures;
    }

    /** The same figures recomputed from the latest assessment of every unit of one campaign. */
    static Map<String, String> recompute(Collection<JsonNode> latestAssessments) {
        Map<String, Integer> responding = new HashMap<>();
        Map<String, Integer> allMet = new HashMap<>();
        Map<String, Map<Integer, Integer>> fulfilled = new HashMap<>();
        Set<Integer> levels = new TreeSet<>();
        for (JsonNode assessment : latestAssessments) {
            String region = assessment.path("regionCode").asText();
            responding.merge(region, 1, Integer::sum);
            boolean all = true;
            for (JsonNode level : assessment.path("levels")) {
                int number = level.path("number").asInt();
                levels.add(number);
                if (FULFILLED.contains(level.path("outcome").asText())) {
                    fulfilled.computeIfAbsent(region, r -> new HashMap<>()).merge(number, 1, Integer::sum);
                } else {
                    all = false;
                }
            }
            if (all) {
                allMet.merge(region, 1, Integer::sum);
            }
        }
        int nationResponding = responding.values().stream().mapToInt(Integer::intValue).sum();
        int nationAllMet = allMet.values().stream().mapToInt(Integer::intValue).sum();

        Map<String, String> figures = new TreeMap<>();
        Map<String, List<BigDecimal>> sharesByRegion = new HashMap<>();
        List<BigDecimal> nationalShares = new ArrayList<>();
        for (int level : levels) {
            for (String region : ALF_REGIONS) {
                BigDecimal share = percent(fulfilled.getOrDefault(region, Map.of()).getOrDefault(level, 0),
                        responding.getOrDefault(region, 0));
                figures.put("share/" + level + "/" + region, text(share));
                if (share != null) {
                    sharesByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(share);
                }
            }
            int nation = fulfilled.values().stream().mapToInt(m -> m.getOrDefault(level, 0)).sum();
            BigDecimal national = percent(nation, nationResponding);
            figures.put("share/" + level + "/SE", text(national));
            if (national != null) {
                nationalShares.add(national);
            }
        }
        for (String region : ALF_REGIONS) {
            int n = responding.getOrDefault(region, 0);
            int met = allMet.getOrDefault(region, 0);
            figures.put("responding/" + region, String.valueOf(n));
            figures.put("average/" + region, text(mean(sharesByRegion.getOrDefault(region, List.of()))));
            figures.put("allMet/" + region, met + " " + text(percent(met, n)));
        }
        figures.put("average/SE", text(mean(nationalShares)));
        figures.put("allMet/SE", nationAllMet + " " + text(percent(nationAllMet, nationResponding)));
        return figures;
    }

    /** The cells in which two sets of figures differ, as {@code cell: expected ≠ actual}. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        Set<String> cells = new TreeSet<>(expected.keySet());
        cells.addAll(actual.keySet());
        List<String> differences = new ArrayList<>();
        for (String cell : cells) {
            if (!String.valueOf(expected.get(cell)).equals(String.valueOf(actual.get(cell)))) {
                differences.add(cell + ": " + expected.get(cell) + " ≠ " + actual.get(cell));
            }
        }
        return differences;
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> shares) {
        return shares.isEmpty() ? null
                : shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(shares.size()), 1, RoundingMode.HALF_UP);
    }

    private static String decimal(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "null"
                : text(new BigDecimal(value.asText()));
    }

    private static String text(BigDecimal value) {
        return value == null ? "null" : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
