package se.alfmonitor.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.Shares;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.reporting.api.ComplianceCellDto;
import se.alfmonitor.reporting.api.ComplianceDto;
import se.alfmonitor.reporting.persistence.ReadModelQueries;

/**
 * The compliance matrix exactly as the contract defines it: a unit is responding when it has an assessed
 * submission in the campaign; a level's share is the fulfilled (MET or NOT_APPLICABLE) responding units over all
 * responding units × 100; averages are unweighted means of the 27 shares; the national share pools units.
 */
@ApplicationScoped
public class ComplianceService {

    private final ReadModelQueries queries;
    private final MinimumLevels levels;
    private final SmallGroups smallGroups;
    private final Caller caller;

    public ComplianceService(ReadModelQueries queries, MinimumLevels levels, SmallGroups smallGroups, Caller caller) {
        this.queries = queries;
        this.levels = levels;
        this.smallGroups = smallGroups;
        this.caller = caller;
    }

    /**
     * The units behind one cell: the region's responding units with their outcome of the level, those not meeting
     * it first. The region check comes first, so a reporter of another region learns only 403.
     */
    @Transactional
    public ComplianceCellDto cell(String campaignId, int levelNumber, String regionCode) {
        AlfRegion region = AlfRegion.byCode(regionCode).orElseThrow(() -> ProblemException.notFound(
                "REGION_NOT_FOUND", "Region " + regionCode + " is not one of the seven ALF regions"));
        caller.requireRegion(region.code());
        MinimumLevel level = levels.all().stream().filter(l -> l.number() == levelNumber).findFirst()
                .orElseThrow(() -> ProblemException.notFound("LEVEL_NOT_FOUND",
                        "Level " + levelNumber + " is not in the rule set"));
        Map<String, String> names = new LinkedHashMap<>();
        queries.units().forEach(u -> names.put(u.id(), u.name()));
        List<ComplianceCellDto.Unit> units = new ArrayList<>();
        for (ReadModelQueries.AssessmentRow a : queries.assessments(campaignId)) {
            if (!region.code().equals(a.regionCode())) {
                continue;
            }
            String outcome = a.levels().stream().filter(l -> l.number() == levelNumber).findFirst()
                    .map(ReadModelQueries.LevelRow::outcome).orElse(null);
            units.add(new ComplianceCellDto.Unit(a.unitId(), names.get(a.unitId()), outcome,
                    Outcome.fulfilled(outcome)));
        }
        units.sort(Comparator.comparing(ComplianceCellDto.Unit::fulfilled)
                .thenComparing(u -> u.unitName() == null ? u.unitId() : u.unitName())
                .thenComparing(ComplianceCellDto.Unit::unitId));
        int fulfilled = (int) units.stream().filter(ComplianceCellDto.Unit::fulfilled).count();
        return new ComplianceCellDto(campaignId, level.number(), level.area(), level.labelSv(), region.code(),
                region.shortName(), units.size(), fulfilled, units);
    }

    /** The campaigns there is a compliance matrix of: those with at least one assessment. */
    @Transactional
    public List<ReadModelQueries.CampaignRow> campaigns() {
        return queries.campaigns();
    }

    @Transactional
    public ComplianceDto compliance(String campaignId) {
        Tally tally = new Tally(queries.assessments(campaignId));
        SmallGroups.Suppression hidden = smallGroups.of(tally);

        List<ComplianceDto.LevelShares> levelShares = new ArrayList<>();
        for (MinimumLevel level : levels.all()) {
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            Map<String, ComplianceDto.Cell> cells = new LinkedHashMap<>();
            for (AlfRegion region : AlfRegion.values()) {
                ComplianceDto.Cell cell = cell(tally.responding(region.code()), tally.met(region.code(),
                        level.number()), tally.fulfilled(region.code(), level.number()),
                        tally.pending(region.code(), level.number()), hidden.hides(region.code()));
                shares.put(region.code(), cell.share());
                cells.put(region.code(), cell);
            }
            ComplianceDto.Cell national = cell(tally.responding(), tally.met(level.number()),
                    tally.fulfilled(level.number()), tally.pending(level.number()), hidden.national());
            levelShares.add(new ComplianceDto.LevelShares(level.number(), level.area(), level.labelSv(), shares,
                    national.share(), cells, national));
        }

        List<ComplianceDto.RegionSummary> regions = new ArrayList<>();
        Map<String, ComplianceDto.RegionCount> byRegion = new LinkedHashMap<>();
        for (AlfRegion region : AlfRegion.values()) {
            String code = region.code();
            int n = tally.responding(code);
            regions.add(new ComplianceDto.RegionSummary(code, region.shortName(), n,
                    hidden.region(code, tally.average(code, levels.all())), hidden.hides(code)));
            int met = tally.allMet(code);
            byRegion.put(code, new ComplianceDto.RegionCount(hidden.region(code, met),
                    hidden.region(code, Shares.percent(met, n))));
        }
        return new ComplianceDto(campaignId, regions, levelShares, hidden.national(tally.nationalAverage(levels.all())),
                new ComplianceDto.UnitsMeetingAll(hidden.national(tally.allMet()),
                        hidden.national(Shares.percent(tally.allMet(), tally.responding())), byRegion),
                hidden);
    }

    private static ComplianceDto.Cell cell(int responding, int met, int fulfilled, int pending, boolean suppressed) {
        if (suppressed) {
            return new ComplianceDto.Cell(responding, null, null, null, null, null, true);
        }
        return new ComplianceDto.Cell(responding, met, fulfilled - met, pending, responding - fulfilled - pending,
                Shares.percent(fulfilled, responding), false);
    }
}
