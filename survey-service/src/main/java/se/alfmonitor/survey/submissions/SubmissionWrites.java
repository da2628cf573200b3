package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.persistence.SubmissionEventEntity;
import se.alfmonitor.survey.persistence.SubmissionLock;
import se.alfmonitor.survey.persistence.SubmissionRevisionEntity;
import se.alfmonitor.survey.security.Actor;

/**
 * The steps every write of a submission shares, called inside the writer's transaction: taking the unit's
 * {@link SubmissionLock} before the submission is read, a new submitted revision with its audit entry and its event
 * in the outbox, an audit entry of any other transition, and the submission as the change leaves it.
 */
@ApplicationScoped
class SubmissionWrites {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final SubmissionLock locks;
    private final AnswerDiff diffs;

    SubmissionWrites(Outbox outbox, ObjectMapper mapper, SubmissionLock locks) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.locks = locks;
        this.diffs = new AnswerDiff(mapper);
    }

    /** The lock of one unit in one campaign, for a submission that may not exist yet. */
    void lock(String campaignId, String unitId) {
        locks.lock(campaignId, unitId);
    }

    /** An existing submission, read after its unit's lock is held; 404 when there is none. */
    SubmissionEntity lockExisting(UUID id) {
        SubmissionEntity submission = locks.lockExisting(id);
        if (submission == null) {
            throw ProblemException.notFound("SUBMISSION_NOT_FOUND", "No submission " + id);
        }
        return submission;
    }

    JsonNode canonical(Object answers) {
        return diffs.canonical(answers);
    }

    /** Stores a draft's new answers (canonical) and audits the change; a new submission is inserted. */
    void writeDraft(SubmissionEntity submission, boolean created, JsonNode after, Actor actor, Instant now,
            UUID importId) {
        JsonNode before = created ? mapper.createObjectNode() : diffs.canonical(submission.answers);
        List<Map<String, Object>> changes = diffs.diff(before, after);
        submission.answers = mapper.convertValue(after, MAP);
        submission.updatedAt = now;
        submission.updatedBy = actor.name();
        if (created) {
            persistNew(submission);
        }
        audit(submission, created ? "DRAFT_CREATED" : "DRAFT_SAVED", actor, now, null, importId, changes);
    }

    /** Revision n+1 with these answers: stored, audited and published on {@code alf.submissions.v1}. */
    void newRevision(SubmissionEntity submission, CampaignEntity campaign, JsonNode answers, Actor actor,
            String action, UUID importId) {
        Instant now = now();
        JsonNode previous = submission.revision == 0 ? mapper.createObjectNode()
                : diffs.canonical(SubmissionRevisionEntity.<SubmissionRevisionEntity> findById(
                        new SubmissionRevisionEntity.Key(submission.id, submission.revision)).answers);
        submission.status = SubmissionStatus.SUBMITTED;
        submission.revision++;
        submission.answers = mapper.convertValue(answers, MAP);
        submission.submittedAt = now;
        submission.submittedBy = actor.name();
        submission.updatedAt = now;
        submission.updatedBy = actor.name();
        submission.returnComment = null;

        SubmissionRevisionEntity revision = new SubmissionRevisionEntity();
        revision.submissionId = submission.id;
        revision.revision = submission.revision;
        revision.answers = mapper.convertValue(answers, MAP);
        revision.submittedAt = now;
        revision.submittedBy = actor.name();
        revision.persist();

        audit(submission, action, actor, now, null, importId, diffs.diff(previous, answers));

        SubmissionSubmitted.UnitRef unit = SubmissionTargets.unitRef(submission.unitId);
        outbox.publish(Topic.SUBMISSIONS, unit.id(), submission.id.toString(), new SubmissionSubmitted(
                submission.id, submission.revision, submission.campaignId,
                new SubmissionSubmitted.QuestionnaireRef(campaign.questionnaireKey, campaign.questionnaireVersion),
                unit, (ObjectNode) answers.deepCopy(), now, actor.name()));
    }

    void audit(SubmissionEntity submission, String action, Actor actor, Instant at, String comment,
            UUID importId, List<Map<String, Object>> changes) {
        SubmissionEventEntity event = new SubmissionEventEntity();
        event.submissionId = submission.id;
        event.action = action;
        event.status = submission.status.name();
        event.revision = submission.revision;
        event.actor = actor.name();
        event.at = at;
        event.comment = comment;
        event.importId = importId;
        event.changes = changes;
        event.persist();
    }

    /** A submission this transaction changed, flushed first so that its ETag shows the version the change gets. */
    static Submission written(SubmissionEntity s) {
        SubmissionEntity.flush();
        return Submission.of(s);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException locked(UUID id) {
        return ProblemException.conflict("SUBMISSION_LOCKED", "Submission " + id + " is locked");
    }

    /** The unit's lock makes a second submission visible first; the unique keys remain as the last defence. */
    private static void persistNew(SubmissionEntity submission) {
        try {
            submission.persistAndFlush();
        } catch (ConstraintViolationException e) {
            boolean sameId = "submission_pkey".equals(e.getConstraintName());
            throw ProblemException.conflict(sameId ? "SUBMISSION_ID_CONFLICT" : "SUBMISSION_EXISTS", sameId
                    ? "Submission " + submission.id + " was created for another unit or campaign at the same time"
                    : "Unit " + submission.unitId + " got another submission in campaign " + submission.campaignId
                            + " at the same time; write to that one");
        }
    }
}
