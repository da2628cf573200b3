package se.alfmonitor.indicator.values;

import java.math.BigDecimal;
import java.time.Instant;
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

/** One computed value. Values are history: a recomputation adds a row and moves the latest flag. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValueEntity extends PanacheEntityBase {

    /** Computation order, the cursor of the national feed. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String indicator;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    @Column(name = "org_unit_level", nullable = false)
    public String orgUnitLevel;

    /** The region a unit-level or region-level value rolls up into; null for ALF and nation. */
    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public BigDecimal numerator;

    /** Null for count indicators, which have no denominator. */
    public BigDecimal denominator;

    @Column(nullable = false)
    public BigDecimal factor;

    public BigDecimal value;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> inputs;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(nullable = false)
    public boolean latest;
}
