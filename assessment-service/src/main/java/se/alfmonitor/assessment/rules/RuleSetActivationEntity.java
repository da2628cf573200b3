package se.alfmonitor.assessment.rules;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rule set version put in force for a questionnaire version; the newest row wins. */
@Entity
@Table(name = "rule_set_activation")
public class RuleSetActivationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "questionnaire_key", nullable = false)
    public String questionnaireKey;

    @Column(name = "questionnaire_version", nullable = false)
    public String questionnaireVersion;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false)
    public String activatedBy;
}
