package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.campaigns.CampaignService;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.questionnaire.AnswerValidator;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.security.Actor;
import se.alfmonitor.survey.submissions.SubmissionTargets.Target;

/**
 * The way to a first revision: drafts saved (created or replaced), a draft (or a returned submission) submitted, and
 * the dry run of a would-be submission. Every write takes its unit's lock before it reads the submission.
 */
@ApplicationScoped
public class SubmissionDrafts {

    private final CampaignService campaigns;
    private final SubmissionTargets targets;
    private final SubmissionWrites writes;

    SubmissionDrafts(CampaignService campaigns, SubmissionTargets targets, SubmissionWrites writes) {
        this.campaigns = campaigns;
        this.targets = targets;
        this.writes = writes;
    }

    @Transactional
    public Saved saveDraft(UUID id, Draft draft, Actor actor, UUID importId) {
        List<FieldError> errors = new ArrayList<>();
        Target target = targets.resolve(draft.campaignId(), draft.unitId(), actor, errors);
        if (target != null) {
            writes.lock(target.campaign().id, target.unit().id());
        }
        SubmissionEntity submission = SubmissionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (submission != null) {
            actor.requireRegion(submission.regionCode);
            // a body that names no campaign or unit is answered with what it lacks, not as a conflict
            boolean names = draft.campaignId() != null && draft.unitId() != null;
            if (names && (!submission.campaignId.equals(draft.campaignId())
                    || !submission.unitId.equals(draft.unitId()))) {
                throw ProblemException.conflict("SUBMISSION_ID_CONFLICT",
                        "Submission " + id + " belongs to another unit or campaign");
            }
        }
        if (target == null) {
            if (draft.answers() == null || draft.answers().isNull()) {
                errors.add(new FieldError("REQUIRED_MISSING", "/answers", "answers is required"));
            }
            throw ProblemException.validation(errors);
        }
        CampaignService.requireWritable(target.campaign());
        if (submission != null) {
            requireEditable(submission);
        } else {
            requireNoOtherSubmission(id, target);
        }
        errors.addAll(AnswerValidator.validate(target.definition(), draft.answers(), AnswerValidator.Mode.DRAFT));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        JsonNode after = writes.canonical(draft.answers());
        Instant now = SubmissionWrites.now();
        boolean created = submission == null;
        if (created) {
            submission = new SubmissionEntity();
            submission.id = id;
            submission.campaignId = target.campaign().id;
            submission.unitId = target.unit().id();
            submission.regionCode = target.unit().regionCode();
            submission.status = SubmissionStatus.DRAFT;
            submission.createdAt = now;
        } else if (writes.canonical(submission.answers).equals(after)) {
            return new Saved(false, false, Submission.of(submission));
        }
        writes.writeDraft(submission, created, after, actor, now, importId);
        return new Saved(created, true, SubmissionWrites.written(submission));
    }

    /** Full validation, then a new revision; submitting an already submitted submission again is a no-op. */
    @Transactional
    public Saved submit(UUID id, Actor actor, UUID importId) {
        SubmissionEntity submission = writes.lockExisting(id);
        actor.requireRegion(submission.regionCode);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.SUBMITTED) {
            return new Saved(false, false, Submission.of(submission));
        }
        if (submission.status == SubmissionStatus.LOCKED) {
            throw SubmissionWrites.locked(id);
        }
        QuestionnaireDefinition definition = campaigns.definitionOf(campaign);
        JsonNode answers = writes.canonical(submission.answers);
        List<FieldError> errors = AnswerValidator.validate(definition, answers, AnswerValidator.Mode.COMPLETE);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        writes.newRevision(submission, campaign, answers, actor, "SUBMITTED", importId);
        return new Saved(false, true, SubmissionWrites.written(submission));
    }

    /** A dry run of a would-be submission: every error at once, nothing stored. */
    public List<FieldError> validate(Candidate candidate, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Target target = targets.resolve(candidate.campaignId(), candidate.unitId(), actor, errors);
        if (candidate.submissionId() != null) {
            SubmissionEntity existing = SubmissionEntity.findById(candidate.submissionId());
            if (existing != null) {
                actor.requireRegion(existing.regionCode);
                if (!existing.campaignId.equals(candidate.campaignId())
                        || !existing.unitId.equals(candidate.unitId())) {
                    errors.add(new FieldError("SUBMISSION_ID_CONFLICT", "/submissionId", "Submission "
                            + candidate.submissionId() + " belongs to another unit or campaign"));
                } else if (existing.status == SubmissionStatus.LOCKED) {
                    errors.add(new FieldError("SUBMISSION_LOCKED", "/submissionId", "Submission "
                            + candidate.submissionId() + " is locked"));
                }
            }
        }
        if (target == null && (candidate.answers() == null || candidate.answers().isNull())) {
            errors.add(new FieldError("REQUIRED_MISSING", "/answers", "answers is required"));
        }
        if (target != null) {
            errors.addAll(CampaignService.writeErrors(target.campaign()));
            errors.addAll(AnswerValidator.validate(target.definition(), candidate.answers(),
                    AnswerValidator.Mode.COMPLETE));
        }
        return errors;
    }

    private static void requireEditable(SubmissionEntity submission) {
        if (submission.status == SubmissionStatus.LOCKED) {
            throw SubmissionWrites.locked(submission.id);
        }
        if (submission.status == SubmissionStatus.SUBMITTED) {
            throw ProblemException.conflict("SUBMISSION_NOT_DRAFT", "Submission " + submission.id
                    + " is SUBMITTED; send an amendment instead");
        }
    }

    private static void requireNoOtherSubmission(UUID id, Target target) {
        SubmissionEntity other = SubmissionEntity.find("campaignId = ?1 and unitId = ?2", target.campaign().id,
                target.unit().id()).firstResult();
        if (other != null && !other.id.equals(id)) {
            throw ProblemException.conflict("SUBMISSION_EXISTS", "Unit " + target.unit().id()
                    + " already has submission " + other.id + " in campaign " + target.campaign().id
                    + "; write to that one");
        }
    }
}
