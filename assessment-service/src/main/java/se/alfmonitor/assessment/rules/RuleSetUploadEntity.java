package se.alfmonitor.assessment.rules;

import java.time.Instant;

import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.Mutability;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType;
import org.hibernate.type.descriptor.java.Immutability;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rule set uploaded over the API (V8): a DRAFT until it is published, then PUBLISHED and never changed again. The
 * document is kept as uploaded ({@code json}), and compiled again when the service starts.
 */
@Entity
@Table(name = "rule_set_upload")
public class RuleSetUploadEntity extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public String version;

    @Column(name = "questionnaire_key", nullable = false)
    public String questionnaireKey;

    @Column(name = "questionnaire_version", nullable = false)
    public String questionnaireVersion;

    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    @Mutability(Immutability.class)
    @Column(nullable = false, columnDefinition = "json")
    public JsonNode document;

    @Column(nullable = false)
    public String status;

    /** 1 for the first upload of the version, one more for each replacement. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;
}
