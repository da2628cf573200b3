package se.alfmonitor.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.Shares;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.reporting.api.ComplianceDto;
import se.alfmonitor.reporting.api.RegionScorecardDto;
import se.alfmonitor.reporting.api.UnitScorecardDto;
import se.alfmonitor.reporting.persistence.ReadModelQueries;
import se.alfmonitor.reporting.persistence.ReadModelQueries.AssessmentRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.LevelRow;
import se.alfmonitor.reporting.persistence.ReadModelQueries.UnitRow;

/** Scorecards of one region (aggregates) and of one unit (its levels with explanations). */
@ApplicationScoped
public class ScorecardService {

    private final ReadModelQueries queries;
    private final MinimumLevels levels;
    private final Caller caller;
    private final SmallGroups smallGroups;

    public ScorecardService(ReadModelQueries queries, MinimumLevels levels, Caller caller, SmallGroups smallGroups) {
        this.queries = queries;
        this.levels = levels;
        this.caller = caller;
        this.smallGroups = smallGroups;
    }

    /**
     * A unit's scorecard. The region check comes before anything else is said about the unit, so a reporter of
     * another region learns only 403, whether or not the unit was assessed in the campaign.
     */
    @Transactional
    public UnitScorecardDto unit(String unitId, String campaignId) {
        var assessment = queries.assessment(unitId, campaignId);
        var unit = queries.unit(unitId);
        String region = assessment.map(AssessmentRow::regionCode).or(() -> unit.map(UnitRow::regionCode))
                .orElseThrow(() -> ProblemException.notFound("UNIT_NOT_FOUND", "No unit " + unitId + " is known"));
        caller.requireRegion(region);
        AssessmentRow a = assessment.orElseThrow(() -> ProblemException.notFound("SCORECARD_NOT_FOUND",
                "Unit " + unitId + " has no assessment in campaign " + campaignId));

        Map<Integer, MinimumLevel> definitions = levels.all().stream()
                .collect(Collectors.toMap(MinimumLevel::number, Function.identity()));
        List<UnitScorecardDto.Level> result = new ArrayList<>();
        for (LevelRow level : a.levels()) {
            MinimumLevel def = definitions.get(level.number());
            JsonNode explanation = level.explanation();
            result.add(new UnitScorecardDto.Level(level.number(), level.area(), def == null ? null : def.labelSv(),
                    def == null ? null : def.textSv(), def == null ? null : def.textEn(), level.outcome(),
                    Outcome.fulfilled(level.outcome()), text(explanation, "sv"), text(explanation, "en"),
                    explanation));
        }
        return new UnitScorecardDto(a.unitId(), unit.map(UnitRow::name).orElse(null), a.regionCode(), campaignId,
                a.submissionRevision(), a.version(), a.assessedAt(), a.metCount(), a.allMet(), a.pendingReviews(),
                result);
    }

    /** A region's aggregates; figures of a group too small for the caller are null (see {@link SmallGroups}). */
    @Transactional
    public RegionScorecardDto region(String code, String campaignId) {
        AlfRegion region = AlfRegion.byCode(code).orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND",
                "Region " + code + " is not one of the seven ALF regions"));
        List<AssessmentRow> rows = queries.assessments(campaignId);
        Tally tally = new Tally(rows);
        SmallGroups.Suppression hidden = smallGroups.of(tally);

        List<RegionScorecardDto.Level> levelRows = new ArrayList<>();
        int unmetLevels = 0;
        int pendingReviews = 0;
        for (MinimumLevel level : levels.all()) {
            int unmet = tally.unmet(code, level.number());
            int pending = tally.pending(code, level.number());
            unmetLevels += unmet;
            pendingReviews += pending;
            levelRows.add(new RegionScorecardDto.Level(level.number(), level.area(), level.labelSv(),
                    hidden.region(code, tally.share(code, level.number())),
                    hidden.national(tally.nationalShare(level.number())), hidden.region(code, unmet),
                    hidden.region(code, pending)));
        }

        List<RegionScorecardDto.AreaShare> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            List<MinimumLevel> ofArea = levels.all().stream().filter(l -> area.name().equals(l.area())).toList();
            if (!ofArea.isEmpty()) {
                areas.add(new RegionScorecardDto.AreaShare(area.name(), area.labelSv(), area.labelEn(),
                        hidden.region(code, tally.average(code, ofArea)),
                        hidden.national(tally.nationalAverage(ofArea))));
            }
        }

        List<ReadModelQueries.IndicatorRow> latest = queries.latestIndicators(code);
        Set<ReadModelQueries.IndicatorRow> hiddenIndicators = smallGroups.hiddenIndicators(latest);
        List<RegionScorecardDto.Indicator> indicators = latest.stream()
                .map(i -> indicator(i, hiddenIndicators.contains(i))).toList();

        int responding = tally.responding(code);
        BigDecimal average = tally.average(code, levels.all());
        return new RegionScorecardDto(code, region.shortName(), campaignId, responding, hidden.region(code, average),
                hidden.national(tally.nationalAverage(levels.all())),
                new ComplianceDto.RegionCount(hidden.region(code, tally.allMet(code)),
                        hidden.region(code, Shares.percent(tally.allMet(code), responding))),
                levelRows, areas, indicators,
                new RegionScorecardDto.Remediation(hidden.region(code, unmetLevels),
                        hidden.region(code, tally.unitsWithUnmet(code)), hidden.region(code, pendingReviews)),
                trend(code, campaignId, tally), hidden);
    }

    private static RegionScorecardDto.Indicator indicator(ReadModelQueries.IndicatorRow i, boolean suppressed) {
        if (suppressed) {
            return new RegionScorecardDto.Indicator(i.indicator(), i.period(), null,
                    i.indicator().equals(i.groupSizeOf()) ? i.denominator() : null, i.factor(), null, i.computedAt(),
                    true);
        }
        return new RegionScorecardDto.Indicator(i.indicator(), i.period(), i.numerator(), i.denominator(), i.factor(),
                i.value(), i.computedAt(), false);
    }

    /**
     * The region's average share and all-levels share in every earlier campaign it responded to, then this one; a
     * campaign in which the region's group is too small for the caller shows its responding units only.
     */
    private List<RegionScorecardDto.TrendPoint> trend(String code, String campaignId, Tally current) {
        List<RegionScorecardDto.TrendPoint> points = new ArrayList<>();
        BigDecimal previous = null;
        for (String earlier : queries.campaignsBefore(campaignId)) {
            Tally tally = new Tally(queries.assessments(earlier));
            if (tally.responding(code) == 0) {
                continue;
            }
            previous = add(points, earlier, tally, code, previous);
        }
        if (current.responding(code) > 0) {
            add(points, campaignId, current, code, previous);
        }
        return points;
    }

    private BigDecimal add(List<RegionScorecardDto.TrendPoint> points, String campaignId, Tally tally, String code,
            BigDecimal previous) {
        SmallGroups.Suppression hidden = smallGroups.of(tally);
        BigDecimal average = hidden.region(code, tally.average(code, levels.all()));
        points.add(new RegionScorecardDto.TrendPoint(campaignId, tally.responding(code), average,
                hidden.region(code, Shares.percent(tally.allMet(code), tally.responding(code))),
                previous == null || average == null ? null : average.subtract(previous)));
        return average;
    }

    private static String text(JsonNode explanation, String language) {
        if (explanation == null || !explanation.hasNonNull(language)) {
            return null;
        }
        return explanation.get(language).asText();
    }
}
