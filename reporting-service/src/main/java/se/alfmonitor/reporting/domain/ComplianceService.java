package se.alfmonitor.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.reporting.api.ComplianceDto;

/**
 * The compliance matrix exactly as the contract defines it: a unit is responding when it has an assessed
 * submission in the campaign; a level's share is the fulfilled (MET or NOT_APPLICABLE) responding units over all
 * responding units × 100; averages are unweighted means of the 27 shares; the national share pools units.
 */
@ApplicationScoped
public class ComplianceService {

    private static final Set<String> FULFILLED = Set.of("MET", "NOT_APPLICABLE");

    private final EntityManager em;
    private final MinimumLevels levels;
    private final ObjectMapper mapper;

    public ComplianceService(EntityManager em, MinimumLevels levels, ObjectMapper mapper) {
        this.em = em;
        this.levels = levels;
        this.mapper = mapper;
    }

    public ComplianceDto compliance(String campaignId) {
        List<Object[]> rows = em.createNativeQuery(
                "select region_code, all_met, cast(levels as text) from assessment_view where campaign_id = :c")
                .setParameter("c", campaignId)
                .getResultList();

        Map<String, Integer> responding = new HashMap<>();
        Map<String, Integer> allMet = new HashMap<>();
        // fulfilled[region][level number]
        Map<String, Map<Integer, Integer>> fulfilled = new HashMap<>();
        for (Object[] row : rows) {
            String region = (String) row[0];
            responding.merge(region, 1, Integer::sum);
            if (Boolean.TRUE.equals(row[1])) {
                allMet.merge(region, 1, Integer::sum);
            }
            for (JsonNode level : readLevels((String) row[2])) {
                if (FULFILLED.contains(level.path("outcome").asText())) {
                    fulfilled.computeIfAbsent(region, r -> new HashMap<>())
                            .merge(level.path("number").asInt(), 1, Integer::sum);
                }
            }
        }
        int nationalResponding = responding.values().stream().mapToInt(Integer::intValue).sum();

        List<ComplianceDto.LevelShares> levelShares = new ArrayList<>();
        Map<String, List<BigDecimal>> regionLevelShares = new HashMap<>();
        List<BigDecimal> nationalShares = new ArrayList<>();
        for (MinimumLevel level : levels.all()) {
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            int nationalFulfilled = 0;
            for (AlfRegion region : AlfRegion.values()) {
                int n = responding.getOrDefault(region.code(), 0);
                int f = fulfilled.getOrDefault(region.code(), Map.of()).getOrDefault(level.number(), 0);
                nationalFulfilled += f;
                BigDecimal share = percent(f, n);
                shares.put(region.code(), share);
                if (share != null) {
                    regionLevelShares.computeIfAbsent(region.code(), c -> new ArrayList<>()).add(share);
                }
            }
            BigDecimal nationalShare = percent(nationalFulfilled, nationalResponding);
            if (nationalShare != null) {
                nationalShares.add(nationalShare);
            }
            levelShares.add(new ComplianceDto.LevelShares(level.number(), level.area(), level.labelSv(), shares,
                    nationalShare));
        }

        List<ComplianceDto.RegionSummary> regions = new ArrayList<>();
        Map<String, ComplianceDto.RegionCount> byRegion = new LinkedHashMap<>();
        for (AlfRegion region : AlfRegion.values()) {
            int n = responding.getOrDefault(region.code(), 0);
            regions.add(new ComplianceDto.RegionSummary(region.code(), region.shortName(), n,
                    mean(regionLevelShares.getOrDefault(region.code(), List.of()))));
            int met = allMet.getOrDefault(region.code(), 0);
            byRegion.put(region.code(), new ComplianceDto.RegionCount(met, percent(met, n)));
        }
        int nationalAllMet = allMet.values().stream().mapToInt(Integer::intValue).sum();
        return new ComplianceDto(campaignId, regions, levelShares, mean(nationalShares),
                new ComplianceDto.UnitsMeetingAll(nationalAllMet, percent(nationalAllMet, nationalResponding),
                        byRegion));
    }

    private JsonNode readLevels(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percentage with one decimal; null when there is nothing to divide by. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /**
     * Unweighted mean of shares, rounded to one decimal. The shares are already rounded, as the published report's
     * are; the mean is taken over the rounded figures so that it can be checked from the table.
     */
    static BigDecimal mean(List<BigDecimal> shares) {
        if (shares.isEmpty()) {
            return null;
        }
        BigDecimal sum = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(shares.size()), 1, RoundingMode.HALF_UP);
    }
}
