package se.alfmonitor.indicator.reference;

import java.io.Serializable;
import java.math.BigDecimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One region's figure in a reference statistics version. */
@Entity
@Table(name = "reference_value")
@IdClass(ReferenceValueEntity.Key.class)
public class ReferenceValueEntity extends PanacheEntityBase {

    @Id
    @Column(name = "load_id")
    public Long loadId;

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public BigDecimal value;

    public record Key(Long loadId, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
