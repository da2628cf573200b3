package se.alfmonitor.survey.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.survey.api.DraftRequest;
import se.alfmonitor.survey.api.SubmissionDto;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.persistence.SubmissionRevisionEntity;
import se.alfmonitor.survey.persistence.UnitEntity;

/** Drafts and submitted revisions. Each submitted revision and its event commit together. */
@ApplicationScoped
public class SubmissionService {

    public record Saved(boolean created, SubmissionDto submission) {
    }

    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper mapper;

    public SubmissionService(Outbox outbox, Caller caller, ObjectMapper mapper) {
        this.outbox = outbox;
        this.caller = caller;
        this.mapper = mapper;
    }

    @Transactional
    public Saved saveDraft(UUID id, DraftRequest draft) {
        CampaignEntity campaign = openCampaign(draft.campaignId());
        UnitEntity unit = UnitEntity.findById(draft.unitId());
        if (unit == null) {
            throw ProblemException.validation(java.util.List.of(new se.alfmonitor.contract.problem.FieldError(
                    "UNKNOWN_UNIT", "/unitId", "No unit " + draft.unitId())));
        }
        caller.requireRegion(unit.regionCode);
        SubmissionEntity submission = SubmissionEntity.findById(id);
        Instant now = now();
        boolean created = submission == null;
        if (created) {
            submission = new SubmissionEntity();
            submission.id = id;
            submission.campaignId = campaign.id;
            submission.unitId = unit.id;
            submission.regionCode = unit.regionCode;
            submission.status = SubmissionStatus.DRAFT;
            submission.createdAt = now;
        } else {
            caller.requireRegion(submission.regionCode);
            if (!submission.campaignId.equals(draft.campaignId()) || !submission.unitId.equals(draft.unitId())) {
                throw ProblemException.conflict("SUBMISSION_ID_CONFLICT",
                        "Submission " + id + " belongs to another unit or campaign");
            }
            if (submission.status == SubmissionStatus.SUBMITTED || submission.status == SubmissionStatus.LOCKED) {
                throw ProblemException.conflict("SUBMISSION_NOT_DRAFT",
                        "Submission " + id + " is " + submission.status + "; submit an amendment instead");
            }
            if (submission.answers.equals(draft.answers())) {
                return new Saved(false, toDto(submission));
            }
        }
        submission.answers = draft.answers();
        submission.updatedAt = now;
        submission.updatedBy = caller.name();
        if (created) {
            submission.persist();
        }
        return new Saved(created, toDto(submission));
    }

    @Transactional
    public SubmissionDto submit(UUID id) {
        SubmissionEntity submission = find(id);
        caller.requireRegion(submission.regionCode);
        openCampaign(submission.campaignId);
        if (submission.status == SubmissionStatus.SUBMITTED) {
            return toDto(submission);
        }
        if (submission.status == SubmissionStatus.LOCKED) {
            throw ProblemException.conflict("SUBMISSION_LOCKED", "Submission " + id + " is locked");
        }
        UnitEntity unit = UnitEntity.findById(submission.unitId);
        Instant now = now();
        submission.status = SubmissionStatus.SUBMITTED;
        submission.revision++;
        submission.submittedAt = now;
        submission.submittedBy = caller.name();
        submission.updatedAt = now;
        submission.updatedBy = caller.name();

        SubmissionRevisionEntity revision = new SubmissionRevisionEntity();
        revision.submissionId = id;
        revision.revision = submission.revision;
        revision.answers = submission.answers;
        revision.submittedAt = now;
        revision.submittedBy = submission.submittedBy;
        revision.persist();

        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        outbox.publish(Topic.SUBMISSIONS, unit.id, id.toString(), new SubmissionSubmitted(id, submission.revision,
                submission.campaignId,
                new SubmissionSubmitted.QuestionnaireRef(campaign.questionnaireKey, campaign.questionnaireVersion),
                new SubmissionSubmitted.UnitRef(unit.id, unit.regionCode, unit.directPatientContact,
                        unit.designatedYear),
                mapper.valueToTree(submission.answers), now, submission.submittedBy));
        return toDto(submission);
    }

    public SubmissionDto get(UUID id) {
        SubmissionEntity submission = find(id);
        caller.requireRegion(submission.regionCode);
        return toDto(submission);
    }

    private static SubmissionEntity find(UUID id) {
        SubmissionEntity submission = SubmissionEntity.findById(id);
        if (submission == null) {
            throw ProblemException.notFound("SUBMISSION_NOT_FOUND", "No submission " + id);
        }
        return submission;
    }

    private static CampaignEntity openCampaign(String campaignId) {
        CampaignEntity campaign = CampaignEntity.findById(campaignId);
        if (campaign == null) {
            throw ProblemException.validation(java.util.List.of(new se.alfmonitor.contract.problem.FieldError(
                    "UNKNOWN_CAMPAIGN", "/campaignId", "No campaign " + campaignId)));
        }
        if ("LOCKED".equals(campaign.status)) {
            throw ProblemException.conflict("SUBMISSION_LOCKED", "Campaign " + campaignId + " is locked");
        }
        if ("CLOSED".equals(campaign.status)) {
            throw ProblemException.conflict("CAMPAIGN_CLOSED", "Campaign " + campaignId + " is closed");
        }
        return campaign;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static SubmissionDto toDto(SubmissionEntity s) {
        return new SubmissionDto(s.id, s.campaignId, s.unitId, s.regionCode, s.status, s.revision,
                Map.copyOf(s.answers), s.submittedAt, s.submittedBy, s.updatedAt);
    }
}
