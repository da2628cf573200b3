package se.alfmonitor.assessment.simulation;

import java.util.UUID;

import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.Mutability;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType;
import org.hibernate.type.descriptor.java.Immutability;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One unit level whose outcome a simulated candidate changes (V8); deleted with its simulation. */
@Entity
@Table(name = "rule_set_simulation_change")
public class SimulationChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "simulation_id", nullable = false)
    public UUID simulationId;

    @Column(name = "unit_id", nullable = false)
    public String unitId;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public int level;

    @Column(name = "from_outcome", nullable = false)
    public String fromOutcome;

    @Column(name = "to_outcome", nullable = false)
    public String toOutcome;

    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(nullable = false, columnDefinition = "json")
    public JsonNode explanation;
}
