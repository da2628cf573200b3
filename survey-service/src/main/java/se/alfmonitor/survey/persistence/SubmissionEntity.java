package se.alfmonitor.survey.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.alfmonitor.survey.submissions.SubmissionStatus;

/** The current state of a submission: its working answers and, once submitted, its latest revision number. */
@Entity
@Table(name = "submission")
public class SubmissionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(name = "unit_id", nullable = false)
    public String unitId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    /** 0 while never submitted. */
    @Column(nullable = false)
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> answers;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** The assessor's comment when the submission was last returned for correction. */
    @Column(name = "return_comment")
    public String returnComment;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "returned_by")
    public String returnedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
