package se.alfmonitor.assessment.assessment;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.SubmissionSubmitted;

/**
 * The latest submitted revision of each unit's submission this service has received ({@code submission_received},
 * V6), written in the same transaction as the assessment it leads to: what the consistency check compares the
 * latest assessment with, and what a repair assesses again when a unit is found behind it.
 */
@ApplicationScoped
public class ReceivedSubmissions {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ReceivedSubmissions(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Keeps {@code submission} as the unit's latest unless the same submission's same or a later revision is kept
     * already (the rule by which a revision is assessed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(SubmissionSubmitted submission) {
        entityManager.createNativeQuery("""
                insert into submission_received (unit_id, campaign_id, submission_id, revision, received_at,
                    submission)
                values (?1, ?2, ?3, ?4, now(), cast(?5 as json))
                on conflict (unit_id, campaign_id) do update
                    set submission_id = excluded.submission_id, revision = excluded.revision,
                        received_at = excluded.received_at, submission = excluded.submission
                    where submission_received.submission_id <> excluded.submission_id
                        or submission_received.revision < excluded.revision""")
                .setParameter(1, submission.unit().id())
                .setParameter(2, submission.campaignId())
                .setParameter(3, submission.submissionId())
                .setParameter(4, submission.revision())
                .setParameter(5, write(submission))
                .executeUpdate();
    }

    /** The latest submitted revision received of a unit in a campaign. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SubmissionSubmitted> find(String unitId, String campaignId) {
        return entityManager.createNativeQuery(
                "select cast(submission as text) from submission_received where unit_id = ?1 and campaign_id = ?2",
                String.class)
                .setParameter(1, unitId)
                .setParameter(2, campaignId)
                .getResultStream().findFirst()
                .map(text -> read((String) text));
    }

    private String write(SubmissionSubmitted submission) {
        try {
            return json.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise submission " + submission.submissionId(), e);
        }
    }

    private SubmissionSubmitted read(String text) {
        try {
            return json.readValue(text, SubmissionSubmitted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A received submission is not readable", e);
        }
    }
}
