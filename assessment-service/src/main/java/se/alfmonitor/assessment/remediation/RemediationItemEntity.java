package se.alfmonitor.assessment.remediation;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A level a unit has not fulfilled in a campaign. Status is OPEN or RESOLVED here; OVERDUE is derived when read, so
 * it never goes stale.
 */
@Entity
@Table(name = "remediation_item")
public class RemediationItemEntity extends PanacheEntityBase {

    /** From the identity column's sequence, 50 at a time, so that inserts can be batched (V3). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remediation_item_id")
    @SequenceGenerator(name = "remediation_item_id", sequenceName = "remediation_item_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "unit_id", nullable = false)
    public String unitId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public String area;

    /** The outcome that keeps the level unmet: NOT_MET or PENDING_REVIEW (or the last one before resolution). */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "assessment_version", nullable = false)
    public int assessmentVersion;
}
