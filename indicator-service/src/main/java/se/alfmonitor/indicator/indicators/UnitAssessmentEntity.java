package se.alfmonitor.indicator.indicators;

import java.io.Serializable;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest assessment facts of a unit in a campaign that indicators are computed from. */
@Entity
@Table(name = "unit_assessment")
@IdClass(UnitAssessmentEntity.Key.class)
public class UnitAssessmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "unit_id")
    public String unitId;

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "assessment_version", nullable = false)
    public int assessmentVersion;

    @Column(name = "met_count", nullable = false)
    public int metCount;

    @Column(name = "all_met", nullable = false)
    public boolean allMet;

    @Column(name = "pending_reviews", nullable = false)
    public int pendingReviews;

    /** Level number (as text) to outcome name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> levels;

    public record Key(String unitId, String campaignId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
