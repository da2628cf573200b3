package se.alfmonitor.reporting.persistence;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.reporting.stream.ChangeBroadcaster;
import se.alfmonitor.reporting.stream.ReadModelChanged;

/**
 * Writes the read models with upserts guarded by version, so applying an event twice, or an older event after a
 * newer one, leaves the same state. Every change is announced as a {@link ReadModelChanged}, which the live streams
 * of every instance pass on once the transaction has committed.
 */
@ApplicationScoped
public class ReadModelStore {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ChangeBroadcaster changes;

    public ReadModelStore(EntityManager em, ObjectMapper mapper, ChangeBroadcaster changes) {
        this.em = em;
        this.mapper = mapper;
        this.changes = changes;
    }

    /** Empties every read model, before replaying the topics from their beginning. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void truncate() {
        em.createNativeQuery("truncate table unit_view, assessment_view, indicator_view").executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UnitChanged unit) {
        em.createNativeQuery("""
                insert into unit_view (id, name, region_code, active, direct_patient_contact)
                values (:id, :name, :region, :active, :direct)
                on conflict (id) do update set name = excluded.name, region_code = excluded.region_code,
                    active = excluded.active, direct_patient_contact = excluded.direct_patient_contact""")
                .setParameter("id", unit.id())
                .setParameter("name", unit.name())
                .setParameter("region", unit.regionCode())
                .setParameter("active", unit.active())
                .setParameter("direct", unit.directPatientContact())
                .executeUpdate();
        changes.announce(ReadModelChanged.unit(unit.regionCode()));
    }

    /** @return whether the read model changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(AssessmentCompleted a) {
        boolean changed = em.createNativeQuery("""
                insert into assessment_view (unit_id, campaign_id, region_code, version, submission_revision,
                    met_count, all_met, pending_reviews, levels, assessed_at)
                values (:unit, :campaign, :region, :version, :revision, :met, :allMet, :pending,
                    cast(:levels as jsonb), :assessedAt)
                on conflict (unit_id, campaign_id) do update set region_code = excluded.region_code,
                    version = excluded.version, submission_revision = excluded.submission_revision,
                    met_count = excluded.met_count, all_met = excluded.all_met,
                    pending_reviews = excluded.pending_reviews, levels = excluded.levels,
                    assessed_at = excluded.assessed_at
                where assessment_view.version < excluded.version""")
                .setParameter("unit", a.unitId())
                .setParameter("campaign", a.campaignId())
                .setParameter("region", a.regionCode())
                .setParameter("version", a.version())
                .setParameter("revision", a.submissionRevision())
                .setParameter("met", a.metCount())
                .setParameter("allMet", a.allMet())
                .setParameter("pending", a.pendingReviews())
                .setParameter("levels", json(a.levels()))
                .setParameter("assessedAt", a.assessedAt())
                .executeUpdate() == 1;
        if (changed) {
            changes.announce(ReadModelChanged.compliance(a.campaignId()));
        }
        return changed;
    }

    /** The key of an indicator value's inputs naming the indicator that counts its responding units. */
    private static final String GROUP_SIZE_OF = "groupSizeOf";

    /** @return whether the read model changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IndicatorComputed v) {
        boolean changed = em.createNativeQuery("""
                insert into indicator_view (indicator, org_unit, period, org_unit_level, numerator, denominator,
                    factor, value, computed_at, group_size_of)
                values (:indicator, :orgUnit, :period, :level, :num, :den, :factor, :value, :computedAt,
                    cast(:groupSizeOf as text))
                on conflict (indicator, org_unit, period) do update set org_unit_level = excluded.org_unit_level,
                    numerator = excluded.numerator, denominator = excluded.denominator, factor = excluded.factor,
                    value = excluded.value, computed_at = excluded.computed_at,
                    group_size_of = excluded.group_size_of
                where indicator_view.computed_at < excluded.computed_at""")
                .setParameter("indicator", v.indicator())
                .setParameter("orgUnit", v.orgUnit())
                .setParameter("period", v.period())
                .setParameter("level", v.orgUnitLevel())
                .setParameter("num", v.numerator())
                .setParameter("den", v.denominator())
                .setParameter("factor", v.factor())
                .setParameter("value", v.value())
                .setParameter("computedAt", v.computedAt())
                .setParameter("groupSizeOf", v.inputs() == null ? null : v.inputs().path(GROUP_SIZE_OF).asText(null))
                .executeUpdate() == 1;
        if (changed) {
            changes.announce(ReadModelChanged.indicator(v.indicator()));
        }
        return changed;
    }

    private String json(List<?> value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
