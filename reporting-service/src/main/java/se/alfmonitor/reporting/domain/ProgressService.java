package se.alfmonitor.reporting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.Shares;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.reporting.api.CompletenessDto;
import se.alfmonitor.reporting.api.RemediationDto;
import se.alfmonitor.reporting.api.RemediationUnitsDto;
import se.alfmonitor.reporting.persistence.ReadModelQueries;
import se.alfmonitor.reporting.persistence.ReadModelQueries.AssessmentRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.LevelRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.UnitRow;

/** Where a campaign stands: who has answered (completeness) and what is still to be remedied. */
@ApplicationScoped
public class ProgressService {

    private final ReadModelQueries queries;
    private final MinimumLevels levels;
    private final Caller caller;
    private final SmallGroups smallGroups;

    public ProgressService(ReadModelQueries queries, MinimumLevels levels, Caller caller, SmallGroups smallGroups) {
        this.queries = queries;
        this.levels = levels;
        this.caller = caller;
        this.smallGroups = smallGroups;
    }

    /**
     * Expected are the active units of the unit register; an inactive unit that still answered counts as neither,
     * so the share never passes 100.
     */
    @Transactional
    public CompletenessDto completeness(String campaignId) {
        Set<String> responded = queries.assessments(campaignId).stream().map(AssessmentRow::unitId)
                .collect(Collectors.toSet());
        Map<String, int[]> counts = new HashMap<>();
        for (UnitRow unit : queries.units()) {
            if (unit.active()) {
                int[] c = counts.computeIfAbsent(unit.regionCode(), r -> new int[2]);
                c[0]++;
                c[1] += responded.contains(unit.id()) ? 1 : 0;
            }
        }
        List<CompletenessDto.RegionCompleteness> regions = new ArrayList<>();
        int expected = 0;
        int submitted = 0;
        for (AlfRegion region : AlfRegion.values()) {
            int[] c = counts.getOrDefault(region.code(), new int[2]);
            expected += c[0];
            submitted += c[1];
            regions.add(new CompletenessDto.RegionCompleteness(region.code(), region.shortName(), c[0], c[1],
                    c[0] - c[1], Shares.percent(c[1], c[0])));
        }
        return new CompletenessDto(campaignId, regions, new CompletenessDto.Counts(expected, submitted,
                expected - submitted, Shares.percent(submitted, expected)));
    }

    @Transactional
    public RemediationDto remediation(String campaignId) {
        Tally tally = new Tally(queries.assessments(campaignId));
        SmallGroups.Suppression hidden = smallGroups.of(tally);
        List<RemediationDto.RegionRemediation> regions = new ArrayList<>();
        for (AlfRegion region : AlfRegion.values()) {
            if (hidden.hides(region.code())) {
                regions.add(new RemediationDto.RegionRemediation(region.code(), region.shortName(),
                        tally.responding(region.code()), null, null, null, null));
                continue;
            }
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            int unmet = 0;
            int pending = 0;
            for (MinimumLevel level : levels.all()) {
                int n = tally.unmet(region.code(), level.number());
                byLevel.put(String.valueOf(level.number()), n);
                unmet += n;
                pending += tally.pending(region.code(), level.number());
            }
            regions.add(new RemediationDto.RegionRemediation(region.code(), region.shortName(),
                    tally.responding(region.code()), tally.unitsWithUnmet(region.code()), unmet, pending, byLevel));
        }
        return new RemediationDto(campaignId, regions, hidden);
    }

    /** Every unit × unmet level; a reporter sees its own region only. */
    @Transactional
    public RemediationUnitsDto remediationUnits(String campaignId, String regionCode) {
        String region = caller.scopeRegion(regionCode).orElse(null);
        Map<Integer, MinimumLevel> definitions = levels.all().stream()
                .collect(Collectors.toMap(MinimumLevel::number, Function.identity()));
        Map<String, String> names = queries.units().stream()
                .collect(Collectors.toMap(UnitRow::id, UnitRow::name, (a, b) -> a));
        List<RemediationUnitsDto.Item> items = new ArrayList<>();
        for (AssessmentRow a : queries.assessments(campaignId)) {
            if (region != null && !region.equals(a.regionCode())) {
                continue;
            }
            for (LevelRow level : a.levels()) {
                if (!Outcome.fulfilled(level.outcome())) {
                    MinimumLevel def = definitions.get(level.number());
                    items.add(new RemediationUnitsDto.Item(a.unitId(), names.get(a.unitId()), a.regionCode(),
                            level.number(), level.area(), def == null ? null : def.labelSv(), level.outcome()));
                }
            }
        }
        return new RemediationUnitsDto(campaignId, items);
    }
}
