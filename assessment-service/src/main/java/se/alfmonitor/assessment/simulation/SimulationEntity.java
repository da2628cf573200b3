package se.alfmonitor.assessment.simulation;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.Mutability;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType;
import org.hibernate.type.descriptor.java.Immutability;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One simulation of a candidate rule set on a campaign (V8); its changed units are {@link SimulationChangeEntity}. */
@Entity
@Table(name = "rule_set_simulation")
public class SimulationEntity extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "candidate_version", nullable = false)
    public String candidateVersion;

    /** The upload revision of the candidate simulated; null for a shipped rule set. */
    @Column(name = "candidate_revision")
    public Integer candidateRevision;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int evaluated;

    @Column(nullable = false)
    public int total;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String failure;

    /** A {@link SimulationResult} once DONE. */
    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(columnDefinition = "json")
    public JsonNode result;
}
