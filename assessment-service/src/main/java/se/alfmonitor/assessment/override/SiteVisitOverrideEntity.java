package se.alfmonitor.assessment.override;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A site visit's correction of one level; withdrawn rather than deleted. */
@Entity
@Table(name = "site_visit_override")
public class SiteVisitOverrideEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public String unitId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String reason;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The overrides in force for a unit in a campaign. */
    public static List<SiteVisitOverrideEntity> inForce(String unitId, String campaignId) {
        return list("unitId = ?1 and campaignId = ?2 and withdrawnAt is null", unitId, campaignId);
    }
}
