package se.alfmonitor.indicator.reference;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One upload of reference statistics (population or cancer incidence) for one year: a version. */
@Entity
@Table(name = "reference_load")
public class ReferenceLoadEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    public String source;

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
}
