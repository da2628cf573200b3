package se.alfmonitor.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.Shares;
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

    public ComplianceService(ReadModelQueries queries, MinimumLevels levels) {
        this.queries = queries;
        this.levels = levels;
    }

    /** The campaigns there is a compliance matrix of: those with at least one assessment. */
    @Transactional
    public List<ReadModelQueries.CampaignRow> campaigns() {
        return queries.campaigns();
    }

    @Transactional
    public ComplianceDto compliance(String campaignId) {
        Tally tally = new Tally(queries.assessments(campaignId));

        List<ComplianceDto.LevelShares> levelShares = new ArrayList<>();
        for (MinimumLevel level : levels.all()) {
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            for (AlfRegion region : AlfRegion.values()) {
                shares.put(region.code(), tally.share(region.code(), level.number()));
            }
            levelShares.add(new ComplianceDto.LevelShares(level.number(), level.area(), level.labelSv(), shares,
                    tally.nationalShare(level.number())));
        }

        List<ComplianceDto.RegionSummary> regions = new ArrayList<>();
        Map<String, ComplianceDto.RegionCount> byRegion = new LinkedHashMap<>();
        for (AlfRegion region : AlfRegion.values()) {
            int n = tally.responding(region.code());
            regions.add(new ComplianceDto.RegionSummary(region.code(), region.shortName(), n,
                    tally.average(region.code(), levels.all())));
            int met = tally.allMet(region.code());
            byRegion.put(region.code(), new ComplianceDto.RegionCount(met, Shares.percent(met, n)));
        }
        return new ComplianceDto(campaignId, regions, levelShares, tally.nationalAverage(levels.all()),
                new ComplianceDto.UnitsMeetingAll(tally.allMet(), Shares.percent(tally.allMet(), tally.responding()),
                        byRegion));
    }
}
