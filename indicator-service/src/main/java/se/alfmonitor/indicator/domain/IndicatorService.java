package se.alfmonitor.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.indicator.persistence.IndicatorValueEntity;
import se.alfmonitor.indicator.persistence.UnitAssessmentEntity;

/**
 * Computes indicators from assessments. Each assessment recomputes only the series points it affects: the unit's,
 * its region's, the ALF regions' and the nation's, by summing numerators and denominators.
 */
@ApplicationScoped
public class IndicatorService {

    /** Share of responding units meeting all 27 minimum levels. */
    public static final String ALL_LEVELS_MET = "ALF-02";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Outbox outbox;

    public IndicatorService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAssessment(AssessmentCompleted assessment) {
        UnitAssessmentEntity unit = UnitAssessmentEntity.findById(
                new UnitAssessmentEntity.Key(assessment.unitId(), assessment.campaignId()));
        if (unit != null && unit.assessmentVersion >= assessment.version()) {
            return;
        }
        boolean created = unit == null;
        if (created) {
            unit = new UnitAssessmentEntity();
            unit.unitId = assessment.unitId();
            unit.campaignId = assessment.campaignId();
        }
        unit.regionCode = assessment.regionCode();
        unit.assessmentVersion = assessment.version();
        unit.metCount = assessment.metCount();
        unit.allMet = assessment.allMet();
        if (created) {
            unit.persist();
        }
        unit.flush();

        String period = periodOf(assessment.campaignId());
        record(ALL_LEVELS_MET, unit.unitId, OrgUnitLevel.UNIT, period, unit.allMet ? 1 : 0, 1);
        recordShare(unit.campaignId, period, unit.regionCode, OrgUnitLevel.REGION);
        recordShare(unit.campaignId, period, OrgUnitLevel.ALF_ID, OrgUnitLevel.ALF);
        recordShare(unit.campaignId, period, OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION);
    }

    private void recordShare(String campaignId, String period, String orgUnit, OrgUnitLevel level) {
        String where = level == OrgUnitLevel.REGION ? "campaignId = ?1 and regionCode = ?2" : "campaignId = ?1";
        Object[] params = level == OrgUnitLevel.REGION ? new Object[] { campaignId, orgUnit }
                : new Object[] { campaignId };
        long responding = UnitAssessmentEntity.count(where, params);
        long allMet = UnitAssessmentEntity.count(where + " and allMet = true", params);
        record(ALL_LEVELS_MET, orgUnit, level, period, allMet, responding);
    }

    private void record(String indicator, String orgUnit, OrgUnitLevel level, String period, long numerator,
            long denominator) {
        IndicatorValueEntity previous = IndicatorValueEntity
                .find("indicator = ?1 and orgUnit = ?2 and period = ?3 and latest", indicator, orgUnit, period)
                .firstResult();
        BigDecimal num = BigDecimal.valueOf(numerator);
        BigDecimal den = BigDecimal.valueOf(denominator);
        if (previous != null && previous.numerator.compareTo(num) == 0 && previous.denominator.compareTo(den) == 0) {
            return;
        }
        if (previous != null) {
            previous.latest = false;
            previous.flush();
        }
        IndicatorValueEntity value = new IndicatorValueEntity();
        value.indicator = indicator;
        value.orgUnit = orgUnit;
        value.orgUnitLevel = level.name();
        value.period = period;
        value.numerator = num;
        value.denominator = den;
        value.factor = HUNDRED;
        value.value = denominator == 0 ? null
                : num.multiply(HUNDRED).divide(den, 1, RoundingMode.HALF_UP);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("unitsMeetingAllLevels", numerator);
        inputs.put("respondingUnits", denominator);
        value.inputs = inputs;
        value.computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        value.latest = true;
        value.persist();
        outbox.publish(Topic.INDICATORS, Topic.indicatorKey(indicator, orgUnit, period),
                Topic.indicatorKey(indicator, orgUnit, period), toEvent(value));
    }

    public List<IndicatorComputed> latest(String indicator, String orgUnit, String period, boolean aggregatesOnly) {
        List<String> clauses = new ArrayList<>(List.of("latest = true"));
        Map<String, Object> params = new HashMap<>();
        if (indicator != null) {
            clauses.add("indicator = :indicator");
            params.put("indicator", indicator);
        }
        if (orgUnit != null) {
            clauses.add("orgUnit = :orgUnit");
            params.put("orgUnit", orgUnit);
        }
        if (period != null) {
            clauses.add("period = :period");
            params.put("period", period);
        }
        if (aggregatesOnly) {
            clauses.add("orgUnitLevel <> 'UNIT'");
        }
        return IndicatorValueEntity.<IndicatorValueEntity>find(String.join(" and ", clauses),
                Sort.by("indicator").and("orgUnit").and("period"), params)
                .list().stream().map(IndicatorService::toEvent).toList();
    }

    /** Campaign {@code alf-2018-2021} covers the period {@code 2018-2021}. */
    static String periodOf(String campaignId) {
        Objects.requireNonNull(campaignId);
        int dash = campaignId.indexOf('-');
        return dash >= 0 ? campaignId.substring(dash + 1) : campaignId;
    }

    static IndicatorComputed toEvent(IndicatorValueEntity v) {
        return new IndicatorComputed(v.indicator, v.orgUnit, v.orgUnitLevel, v.period, v.numerator, v.denominator,
                v.factor, v.value, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(v.inputs),
                v.computedAt);
    }
}
