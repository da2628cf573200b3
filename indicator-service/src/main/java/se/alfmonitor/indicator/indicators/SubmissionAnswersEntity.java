package se.alfmonitor.indicator.indicators;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest submitted answers of a unit (or a region's pseudo unit) in a campaign. */
@Entity
@Table(name = "submission_answers")
@IdClass(SubmissionAnswersEntity.Key.class)
public class SubmissionAnswersEntity extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    @Id
    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "questionnaire_key", nullable = false)
    public String questionnaireKey;

    @Column(name = "questionnaire_version", nullable = false)
    public String questionnaireVersion;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode answers;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public record Key(String campaignId, String unitId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
