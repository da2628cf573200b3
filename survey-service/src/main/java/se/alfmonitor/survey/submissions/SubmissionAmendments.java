package se.alfmonitor.survey.submissions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.campaigns.CampaignService;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.questionnaire.AnswerValidator;
import se.alfmonitor.survey.security.Actor;

/**
 * What happens to a submission after its first revision: amendments (revision n+1, guarded by a
 * {@link Precondition}) and an assessor's return for correction. Every write takes its unit's lock before it reads
 * the submission.
 */
@ApplicationScoped
public class SubmissionAmendments {

    private final CampaignService campaigns;
    private final SubmissionWrites writes;

    SubmissionAmendments(CampaignService campaigns, SubmissionWrites writes) {
        this.campaigns = campaigns;
        this.writes = writes;
    }

    /**
     * A new validated revision n+1 of a submitted (or returned) submission. Identical answers to a submitted one
     * change nothing. With an {@code expected} state, a submission that has moved on (or was returned) answers 409
     * {@code REVISION_CONFLICT}.
     */
    @Transactional
    public Saved amend(UUID id, JsonNode answers, Precondition expected, Actor actor, UUID importId) {
        SubmissionEntity submission = writes.lockExisting(id);
        actor.requireRegion(submission.regionCode);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.LOCKED) {
            throw SubmissionWrites.locked(id);
        }
        if (submission.status == SubmissionStatus.DRAFT) {
            throw ProblemException.conflict("SUBMISSION_NOT_SUBMITTED", "Submission " + id
                    + " has never been submitted; submit the draft first");
        }
        if (expected != null) {
            expected.require(submission);
        }
        List<FieldError> errors = AnswerValidator.validate(campaigns.definitionOf(campaign), answers,
                AnswerValidator.Mode.COMPLETE);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        JsonNode after = writes.canonical(answers);
        if (submission.status == SubmissionStatus.SUBMITTED && writes.canonical(submission.answers).equals(after)) {
            return new Saved(false, false, Submission.of(submission));
        }
        writes.newRevision(submission, campaign, after, actor, "AMENDED", importId);
        return new Saved(false, true, SubmissionWrites.written(submission));
    }

    /** An assessor sends a submitted submission back; the reporter edits it as a draft and submits it again. */
    @Transactional
    public Submission returnForCorrection(UUID id, String comment, Actor actor) {
        SubmissionEntity submission = writes.lockExisting(id);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.RETURNED) {
            return Submission.of(submission);
        }
        if (submission.status != SubmissionStatus.SUBMITTED) {
            throw ProblemException.conflict("SUBMISSION_NOT_SUBMITTED", "Submission " + id + " is "
                    + submission.status + "; only a submitted submission can be returned");
        }
        Instant now = SubmissionWrites.now();
        submission.status = SubmissionStatus.RETURNED;
        submission.returnComment = comment;
        submission.returnedAt = now;
        submission.returnedBy = actor.name();
        submission.updatedAt = now;
        submission.updatedBy = actor.name();
        writes.audit(submission, "RETURNED", actor, now, comment, null, List.of());
        return SubmissionWrites.written(submission);
    }
}
