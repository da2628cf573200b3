package se.alfmonitor.survey.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a unit's or a campaign's audit history: what was done, by whom, when, and which fields changed. */
@Entity
@Table(name = "registry_event")
public class RegistryEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code UNIT} or {@code CAMPAIGN}. */
    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public String subjectId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public Instant at;

    /** {@code [{field, before, after}]}, one entry per changed field. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public List<Map<String, Object>> changes;
}
