package se.alfmonitor.survey.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.api.DraftRequest;
import se.alfmonitor.survey.api.HistoryEntry;
import se.alfmonitor.survey.api.RevisionDto;
import se.alfmonitor.survey.api.SubmissionDto;
import se.alfmonitor.survey.api.SubmissionPage;
import se.alfmonitor.survey.api.ValidateRequest;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.persistence.SubmissionEventEntity;
import se.alfmonitor.survey.persistence.SubmissionLock;
import se.alfmonitor.survey.persistence.SubmissionRevisionEntity;
import se.alfmonitor.survey.persistence.UnitEntity;
import se.alfmonitor.survey.questionnaire.AnswerValidator;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;
import se.alfmonitor.survey.security.Actor;

/**
 * Drafts, submitted revisions, amendments and returns. Every write takes its unit's {@link SubmissionLock} before it
 * reads the submission, so concurrent writes are serialised and none is lost; each transition and its changed
 * answers go to the audit history, and each submitted revision to the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class SubmissionService {

    /** The outcome of a write: whether it created the submission and whether it changed anything at all. */
    public record Saved(boolean created, boolean changed, SubmissionDto submission) {
    }

    /** What a submission is about once its campaign and unit are resolved. */
    record Target(CampaignEntity campaign, QuestionnaireDefinition definition, SubmissionSubmitted.UnitRef unit) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CampaignService campaigns;
    private final SubmissionLock locks;
    private final AnswerDiff diffs;

    public SubmissionService(Outbox outbox, ObjectMapper mapper, CampaignService campaigns, SubmissionLock locks) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.campaigns = campaigns;
        this.locks = locks;
        this.diffs = new AnswerDiff(mapper);
    }

    @Transactional
    public Saved saveDraft(UUID id, DraftRequest draft, Actor actor, UUID importId) {
        List<FieldError> errors = new ArrayList<>();
        Target target = resolve(draft.campaignId(), draft.unitId(), actor, errors);
        if (target != null) {
            locks.lock(target.campaign().id, target.unit().id());
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
        JsonNode after = diffs.canonical(draft.answers());
        Instant now = now();
        boolean created = submission == null;
        if (created) {
            submission = new SubmissionEntity();
            submission.id = id;
            submission.campaignId = target.campaign().id;
            submission.unitId = target.unit().id();
            submission.regionCode = target.unit().regionCode();
            submission.status = SubmissionStatus.DRAFT;
            submission.createdAt = now;
        } else if (diffs.canonical(submission.answers).equals(after)) {
            return new Saved(false, false, toDto(submission));
        }
        JsonNode before = created ? mapper.createObjectNode() : diffs.canonical(submission.answers);
        List<Map<String, Object>> changes = diffs.diff(before, after);
        submission.answers = mapper.convertValue(after, MAP);
        submission.updatedAt = now;
        submission.updatedBy = actor.name();
        if (created) {
            persistNew(submission);
        }
        audit(submission, created ? "DRAFT_CREATED" : "DRAFT_SAVED", actor, now, null, importId, changes);
        return new Saved(created, true, written(submission));
    }

    /** Full validation, then a new revision; submitting an already submitted submission again is a no-op. */
    @Transactional
    public Saved submit(UUID id, Actor actor, UUID importId) {
        SubmissionEntity submission = lockExisting(id);
        actor.requireRegion(submission.regionCode);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.SUBMITTED) {
            return new Saved(false, false, toDto(submission));
        }
        if (submission.status == SubmissionStatus.LOCKED) {
            throw ProblemException.conflict("SUBMISSION_LOCKED", "Submission " + id + " is locked");
        }
        QuestionnaireDefinition definition = campaigns.definitionOf(campaign);
        JsonNode answers = diffs.canonical(submission.answers);
        List<FieldError> errors = AnswerValidator.validate(definition, answers, AnswerValidator.Mode.COMPLETE);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        newRevision(submission, campaign, answers, actor, "SUBMITTED", null, importId);
        return new Saved(false, true, written(submission));
    }

    /**
     * A new validated revision n+1 of a submitted (or returned) submission. Identical answers to a submitted one
     * change nothing. With an {@code expected} state, a submission that has moved on (or was returned) answers 409
     * {@code REVISION_CONFLICT}.
     */
    @Transactional
    public Saved amend(UUID id, JsonNode answers, Precondition expected, Actor actor, UUID importId) {
        SubmissionEntity submission = lockExisting(id);
        actor.requireRegion(submission.regionCode);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.LOCKED) {
            throw ProblemException.conflict("SUBMISSION_LOCKED", "Submission " + id + " is locked");
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
        JsonNode after = diffs.canonical(answers);
        if (submission.status == SubmissionStatus.SUBMITTED && diffs.canonical(submission.answers).equals(after)) {
            return new Saved(false, false, toDto(submission));
        }
        newRevision(submission, campaign, after, actor, "AMENDED", null, importId);
        return new Saved(false, true, written(submission));
    }

    /** An assessor sends a submitted submission back; the reporter edits it as a draft and submits it again. */
    @Transactional
    public SubmissionDto returnForCorrection(UUID id, String comment, Actor actor) {
        SubmissionEntity submission = lockExisting(id);
        CampaignEntity campaign = CampaignEntity.findById(submission.campaignId);
        CampaignService.requireWritable(campaign);
        if (submission.status == SubmissionStatus.RETURNED) {
            return toDto(submission);
        }
        if (submission.status != SubmissionStatus.SUBMITTED) {
            throw ProblemException.conflict("SUBMISSION_NOT_SUBMITTED", "Submission " + id + " is "
                    + submission.status + "; only a submitted submission can be returned");
        }
        Instant now = now();
        submission.status = SubmissionStatus.RETURNED;
        submission.returnComment = comment;
        submission.returnedAt = now;
        submission.returnedBy = actor.name();
        submission.updatedAt = now;
        submission.updatedBy = actor.name();
        audit(submission, "RETURNED", actor, now, comment, null, List.of());
        return written(submission);
    }

    /** A dry run of a would-be submission: every error at once, nothing stored. */
    public List<FieldError> validate(ValidateRequest request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Target target = resolve(request.campaignId(), request.unitId(), actor, errors);
        if (request.submissionId() != null) {
            SubmissionEntity existing = SubmissionEntity.findById(request.submissionId());
            if (existing != null) {
                actor.requireRegion(existing.regionCode);
                if (!existing.campaignId.equals(request.campaignId()) || !existing.unitId.equals(request.unitId())) {
                    errors.add(new FieldError("SUBMISSION_ID_CONFLICT", "/submissionId", "Submission "
                            + request.submissionId() + " belongs to another unit or campaign"));
                } else if (existing.status == SubmissionStatus.LOCKED) {
                    errors.add(new FieldError("SUBMISSION_LOCKED", "/submissionId", "Submission "
                            + request.submissionId() + " is locked"));
                }
            }
        }
        if (target == null && (request.answers() == null || request.answers().isNull())) {
            errors.add(new FieldError("REQUIRED_MISSING", "/answers", "answers is required"));
        }
        if (target != null) {
            errors.addAll(CampaignService.writeErrors(target.campaign()));
            errors.addAll(AnswerValidator.validate(target.definition(), request.answers(),
                    AnswerValidator.Mode.COMPLETE));
        }
        return errors;
    }

    public SubmissionDto get(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return toDto(submission);
    }

    /** Whether a submission exists; for the bulk import, which decides between imported and updated. */
    public SubmissionStatus statusOf(UUID id) {
        SubmissionEntity submission = SubmissionEntity.findById(id);
        return submission == null ? null : submission.status;
    }

    public SubmissionPage list(String campaignId, String regionCode, String unitId, SubmissionStatus status, int page,
            int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (campaignId != null) {
            where.append(" and campaignId = :campaignId");
            parameters.and("campaignId", campaignId);
        }
        if (regionCode != null) {
            where.append(" and regionCode = :regionCode");
            parameters.and("regionCode", regionCode);
        }
        if (unitId != null) {
            where.append(" and unitId = :unitId");
            parameters.and("unitId", unitId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        PanacheQuery<SubmissionEntity> query = SubmissionEntity.find(where.toString(),
                Sort.by("campaignId").and("unitId").and("id"), parameters);
        List<SubmissionDto> items = query.page(Page.of(page, size)).list().stream()
                .map(SubmissionService::toDto).toList();
        return new SubmissionPage(items, page, size, query.count());
    }

    public List<HistoryEntry> history(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return SubmissionEventEntity.<SubmissionEventEntity> list("submissionId", Sort.by("id"), id).stream()
                .map(e -> new HistoryEntry(e.action, e.status, e.revision, e.actor, e.at, e.comment, e.importId,
                        e.changes))
                .toList();
    }

    public List<RevisionDto> revisions(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return SubmissionRevisionEntity.<SubmissionRevisionEntity> list("submissionId", Sort.by("revision"), id)
                .stream().map(SubmissionService::toRevisionDto).toList();
    }

    public RevisionDto revision(UUID id, int revision, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        SubmissionRevisionEntity found = SubmissionRevisionEntity
                .findById(new SubmissionRevisionEntity.Key(id, revision));
        if (found == null) {
            throw ProblemException.notFound("REVISION_NOT_FOUND", "Submission " + id + " has no revision "
                    + revision);
        }
        return toRevisionDto(found);
    }

    /**
     * Resolves campaign and unit, adding every problem to {@code errors}; 403 as soon as the unit is known to belong
     * to another region than the actor's. Null when anything is wrong.
     */
    Target resolve(String campaignId, String unitId, Actor actor, List<FieldError> errors) {
        int before = errors.size();
        CampaignEntity campaign = null;
        QuestionnaireDefinition definition = null;
        if (campaignId == null || campaignId.isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/campaignId", "campaignId is required"));
        } else if (campaignId.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot compare text with NUL; no id contains it
            errors.add(new FieldError("INVALID_CHARACTER", "/campaignId", "campaignId contains NUL (U+0000)"));
        } else {
            campaign = CampaignEntity.findById(campaignId);
            if (campaign == null) {
                errors.add(new FieldError("UNKNOWN_CAMPAIGN", "/campaignId", "No campaign " + campaignId));
            } else {
                definition = campaigns.definitionOf(campaign);
            }
        }
        SubmissionSubmitted.UnitRef unit = null;
        if (unitId == null || unitId.isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/unitId", "unitId is required"));
        } else if (unitId.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("INVALID_CHARACTER", "/unitId", "unitId contains NUL (U+0000)"));
        } else if (RegionUnits.isPseudoUnit(unitId)) {
            String region = RegionUnits.regionOf(unitId).orElse(null);
            if (region == null) {
                errors.add(new FieldError("UNKNOWN_UNIT", "/unitId", unitId + " is not REGION-<code> of an ALF "
                        + "region"));
            } else {
                actor.requireRegion(region);
                unit = new SubmissionSubmitted.UnitRef(unitId, region, false, null);
                if (definition != null && definition.level() != QuestionnaireLevel.REGION) {
                    errors.add(new FieldError("WRONG_QUESTIONNAIRE_LEVEL", "/unitId", "Campaign " + campaignId
                            + " is answered per unit; " + unitId + " stands for a whole region"));
                }
            }
        } else {
            UnitEntity entity = UnitEntity.findById(unitId);
            if (entity == null) {
                errors.add(new FieldError("UNKNOWN_UNIT", "/unitId", "No unit " + unitId));
            } else {
                actor.requireRegion(entity.regionCode);
                unit = new SubmissionSubmitted.UnitRef(entity.id, entity.regionCode, entity.directPatientContact,
                        entity.designatedYear);
                if (!entity.active) {
                    errors.add(new FieldError("UNIT_INACTIVE", "/unitId", "Unit " + unitId + " is not active"));
                }
                if (definition != null && definition.level() != QuestionnaireLevel.UNIT) {
                    errors.add(new FieldError("WRONG_QUESTIONNAIRE_LEVEL", "/unitId", "Campaign " + campaignId
                            + " is answered per region, by " + RegionUnits.unitIdOf(entity.regionCode)));
                }
            }
        }
        return errors.size() == before && campaign != null && unit != null
                ? new Target(campaign, definition, unit)
                : null;
    }

    private void newRevision(SubmissionEntity submission, CampaignEntity campaign, JsonNode answers, Actor actor,
            String action, String comment, UUID importId) {
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

        audit(submission, action, actor, now, comment, importId, diffs.diff(previous, answers));

        SubmissionSubmitted.UnitRef unit = unitRef(campaign, submission.unitId);
        outbox.publish(Topic.SUBMISSIONS, unit.id(), submission.id.toString(), new SubmissionSubmitted(
                submission.id, submission.revision, submission.campaignId,
                new SubmissionSubmitted.QuestionnaireRef(campaign.questionnaireKey, campaign.questionnaireVersion),
                unit, (ObjectNode) answers.deepCopy(), now, actor.name()));
    }

    private SubmissionSubmitted.UnitRef unitRef(CampaignEntity campaign, String unitId) {
        if (RegionUnits.isPseudoUnit(unitId)) {
            return new SubmissionSubmitted.UnitRef(unitId, RegionUnits.regionOf(unitId).orElseThrow(), false, null);
        }
        UnitEntity unit = UnitEntity.findById(unitId);
        return new SubmissionSubmitted.UnitRef(unit.id, unit.regionCode, unit.directPatientContact,
                unit.designatedYear);
    }

    private void audit(SubmissionEntity submission, String action, Actor actor, Instant at, String comment,
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

    private static void requireEditable(SubmissionEntity submission) {
        if (submission.status == SubmissionStatus.LOCKED) {
            throw ProblemException.conflict("SUBMISSION_LOCKED", "Submission " + submission.id + " is locked");
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

    private SubmissionEntity lockExisting(UUID id) {
        SubmissionEntity submission = locks.lockExisting(id);
        if (submission == null) {
            throw ProblemException.notFound("SUBMISSION_NOT_FOUND", "No submission " + id);
        }
        return submission;
    }

    private static SubmissionEntity find(UUID id) {
        SubmissionEntity submission = SubmissionEntity.findById(id);
        if (submission == null) {
            throw ProblemException.notFound("SUBMISSION_NOT_FOUND", "No submission " + id);
        }
        return submission;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static SubmissionDto toDto(SubmissionEntity s) {
        return new SubmissionDto(s.id, s.campaignId, s.unitId, s.regionCode, s.status, s.revision,
                s.answers == null ? Map.of() : new LinkedHashMap<>(s.answers), s.submittedAt, s.submittedBy,
                s.updatedAt, s.updatedBy, s.returnComment, Precondition.etagOf(s));
    }

    /** A submission this transaction changed, flushed first so that its ETag shows the version the change gets. */
    private static SubmissionDto written(SubmissionEntity s) {
        SubmissionEntity.flush();
        return toDto(s);
    }

    private static RevisionDto toRevisionDto(SubmissionRevisionEntity r) {
        return new RevisionDto(r.submissionId, r.revision, r.answers, r.submittedAt, r.submittedBy);
    }

}
