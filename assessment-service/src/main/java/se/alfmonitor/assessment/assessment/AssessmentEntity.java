package se.alfmonitor.assessment.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.fasterxml.jackson.databind.JsonNode;


import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import se.alfmonitor.assessment.reassessment.CarriedLevels;
import se.alfmonitor.assessment.reassessment.LevelSummary;
import se.alfmonitor.contract.events.AssessmentCompleted;

/**
 * One version of a unit's assessment in a campaign. Versions are never changed; the newest is marked latest.
 *
 * <p>The JSON attributes are never changed in place either (a new version gets new objects), and are declared
 * immutable: Hibernate otherwise copies each of them by writing and parsing the JSON whenever it loads, inserts or
 * updates a row, which dominated the cost of re-assessing many units. An update (clearing {@code latest}) writes
 * only the columns changed.
 */
@Entity
@DynamicUpdate
@Table(name = "assessment")
public class AssessmentEntity extends PanacheEntityBase {

    /** From the identity column's sequence, 50 at a time, so that inserts can be batched (V3). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_id")
    @SequenceGenerator(name = "assessment_id", sequenceName = "assessment_id_seq", allocationSize = 50)
    public Long id;

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
    public int version;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    @Column(name = "met_count", nullable = false)
    public int metCount;

    @Column(name = "all_met", nullable = false)
    public boolean allMet;

    @Column(name = "pending_reviews", nullable = false)
    public int pendingReviews;

    /**
     * The levels as stored: a level a re-assessment carried over is a stub naming the row that holds it
     * ({@link CarriedLevels}). A {@code json} column (V5): its text is sent as it is stored, where {@code jsonb}
     * would be written out again on every read.
     */
    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(name = "levels", nullable = false, columnDefinition = "json")
    public List<AssessmentCompleted.Level> storedLevels;

    /**
     * The levels with every explanation: the stored levels when they hold no stub, set when the row is loaded, or
     * else composed by {@link CarriedLevels#compose}; null until then.
     */
    @Transient
    public List<AssessmentCompleted.Level> levels;

    @Column(nullable = false)
    public boolean latest;

    @Column(name = "questionnaire_key")
    public String questionnaireKey;

    @Column(name = "questionnaire_version")
    public String questionnaireVersion;

    /** The submitted answers the levels were computed from ({@code json}, V5, read back as text). */
    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(columnDefinition = "json")
    public JsonNode answers;

    @Column(name = "direct_patient_contact")
    public Boolean directPatientContact;

    @Column(name = "designated_year")
    public Integer designatedYear;

    /** Fulfilled and total levels per area. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(columnDefinition = "jsonb")
    public Map<String, AreaCount> areas;

    /** Why this version was made: SUBMISSION, REVIEW_DECISION or RULE_SET. */
    public String reason;

    /**
     * The levels without their explanations, for re-assessing many units (V4; {@code json} since V5, read back as
     * text); null on versions written before.
     */
    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(name = "level_summary", columnDefinition = "json")
    public List<LevelSummary> levelSummary;

    @PrePersist
    void summarise() {
        if (storedLevels == null) {
            storedLevels = levels;
        }
        if (levelSummary == null && storedLevels != null) {
            levelSummary = LevelSummary.of(storedLevels);
        }
    }

    @PostLoad
    void whole() {
        if (storedLevels != null && storedLevels.stream().noneMatch(l -> CarriedLevels.carriedFrom(l) != null)) {
            levels = storedLevels;
        }
    }
}
