package se.alfmonitor.survey.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An immutable submitted revision; earlier revisions stay readable after an amendment. */
@Entity
@Table(name = "submission_revision")
@IdClass(SubmissionRevisionEntity.Key.class)
public class SubmissionRevisionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Id
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public Map<String, Object> answers;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    public record Key(UUID submissionId, int revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
