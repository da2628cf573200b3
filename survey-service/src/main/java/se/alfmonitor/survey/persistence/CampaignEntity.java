package se.alfmonitor.survey.persistence;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "campaign")
public class CampaignEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "questionnaire_key", nullable = false)
    public String questionnaireKey;

    @Column(name = "questionnaire_version", nullable = false)
    public String questionnaireVersion;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "reference_date", nullable = false)
    public LocalDate referenceDate;

    public LocalDate opens;

    public LocalDate closes;

    @Column(name = "remediation_due")
    public LocalDate remediationDue;

    /** OPEN, CLOSED or LOCKED. */
    @Column(nullable = false)
    public String status;
}
