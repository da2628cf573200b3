package se.alfmonitor.survey.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.alfmonitor.survey.units.Provider;

@Entity
@Table(name = "unit")
public class UnitEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "host_region_code", nullable = false)
    public String hostRegionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Provider provider;

    @Column(name = "designated_year")
    public Integer designatedYear;

    @Column(name = "direct_patient_contact", nullable = false)
    public boolean directPatientContact;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
