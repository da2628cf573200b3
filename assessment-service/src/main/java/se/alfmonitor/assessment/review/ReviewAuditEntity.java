package se.alfmonitor.assessment.review;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a review item and who made it; never updated. */
@Entity
@Table(name = "review_audit")
public class ReviewAuditEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    public String comment;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
