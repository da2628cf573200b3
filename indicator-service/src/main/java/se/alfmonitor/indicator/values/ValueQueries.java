package se.alfmonitor.indicator.values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.IndicatorComputed;

/** Reads stored values: the latest of each series, and the feed of every value in the order computed. */
@ApplicationScoped
public class ValueQueries {

    private final ObjectMapper mapper;

    public ValueQueries(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The latest values matching the filters (null for any), optionally above units only. */
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
                .list().stream().map(this::toEvent).toList();
    }

    public Optional<IndicatorValueEntity> latestOne(String indicator, String orgUnit, String period) {
        return IndicatorValueEntity
                .find("indicator = ?1 and orgUnit = ?2 and period = ?3 and latest", indicator, orgUnit, period)
                .firstResultOptional();
    }

    /** Values in the order computed, after the given id. */
    public List<IndicatorValueEntity> after(long id, int limit) {
        return IndicatorValueEntity.find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }

    public IndicatorComputed toEvent(IndicatorValueEntity v) {
        return new IndicatorComputed(v.indicator, v.orgUnit, v.orgUnitLevel, v.period, v.numerator, v.denominator,
                v.factor, v.value, mapper.valueToTree(v.inputs), v.computedAt);
    }
}
