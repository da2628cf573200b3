package se.alfmonitor.assessment.review;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A free-text example of one unit, campaign and level that an assessor judges once per distinct text. */
@Entity
@Table(name = "review_item")
public class ReviewItemEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public String unitId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "submission_revision", nullable = false)
    public int submissionRevision;

    @Column(nullable = false)
    public int level;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(name = "example_text", nullable = false)
    public String exampleText;

    @Column(name = "text_hash", nullable = false)
    public String textHash;

    @Column(name = "criteria_sv", nullable = false)
    public String criteriaSv;

    @Column(name = "criteria_en", nullable = false)
    public String criteriaEn;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    public String comment;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;
}
