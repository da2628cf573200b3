package se.alfmonitor.survey.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of one bulk import: who, when, and its summary. */
@Entity
@Table(name = "import_run")
public class ImportRunEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String actor;

    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public String format;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> summary;
}
