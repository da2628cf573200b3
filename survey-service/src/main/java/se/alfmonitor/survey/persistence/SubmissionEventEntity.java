package se.alfmonitor.survey.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a submission's audit history: a transition, who made it, when, and which answers it changed. */
@Entity
@Table(name = "submission_event")
public class SubmissionEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public UUID submissionId;

    @Column(nullable = false, updatable = false)
    public String action;

    /** The status after the transition. */
    @Column(nullable = false, updatable = false)
    public String status;

    /** The revision after the transition (0 while never submitted). */
    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(updatable = false)
    public String comment;

    @Column(name = "import_id", updatable = false)
    public UUID importId;

    /** {@code [{item, before, after}]}, one entry per changed answer. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public List<Map<String, Object>> changes;
}
