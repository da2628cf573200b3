package se.alfmonitor.survey.campaigns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.audit.RegistryAudit;
import se.alfmonitor.survey.audit.RegistryChange;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireRegistry;
import se.alfmonitor.survey.security.Actor;

/** Campaigns: which questionnaire is answered for which period, and whether it still takes writes. */
@ApplicationScoped
public class CampaignService {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String LOCKED = "LOCKED";
    private static final Set<String> STATUSES = Set.of(OPEN, CLOSED, LOCKED);

    private final QuestionnaireRegistry questionnaires;
    private final RegistryAudit audit;

    public CampaignService(QuestionnaireRegistry questionnaires, RegistryAudit audit) {
        this.questionnaires = questionnaires;
        this.audit = audit;
    }

    public List<Campaign> list() {
        return CampaignEntity.<CampaignEntity> listAll(Sort.by("id")).stream().map(this::toCampaign).toList();
    }

    public Campaign get(String id) {
        CampaignEntity campaign = CampaignEntity.findById(id);
        if (campaign == null) {
            throw ProblemException.notFound("CAMPAIGN_NOT_FOUND", "No campaign " + id);
        }
        return toCampaign(campaign);
    }

    /**
     * Creates or replaces a campaign; returns true if it was created. A locked campaign stays locked. A change is
     * written to the campaign's history with its actor; a replacement that changes nothing is not.
     */
    @Transactional
    public boolean put(String id, CampaignChange request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request.questionnaire() == null || questionnaires.find(request.questionnaire().key(),
                request.questionnaire().version()).isEmpty()) {
            errors.add(new FieldError("UNKNOWN_QUESTIONNAIRE", "/questionnaire", "No published questionnaire "
                    + request.questionnaire()));
        }
        required(request.periodStart(), "/periodStart", errors);
        required(request.periodEnd(), "/periodEnd", errors);
        required(request.referenceDate(), "/referenceDate", errors);
        if (request.periodStart() != null && request.periodEnd() != null
                && request.periodEnd().isBefore(request.periodStart())) {
            errors.add(new FieldError("INVALID_PERIOD", "/periodEnd", "The period ends before it starts"));
        }
        if (request.opens() != null && request.closes() != null && request.closes().isBefore(request.opens())) {
            errors.add(new FieldError("INVALID_PERIOD", "/closes", "The window closes before it opens"));
        }
        String status = request.status() == null ? OPEN : request.status();
        if (!STATUSES.contains(status)) {
            errors.add(new FieldError("INVALID_OPTION", "/status", "Status is OPEN or CLOSED"));
        } else if (LOCKED.equals(status)) {
            errors.add(new FieldError("LOCK_VIA_ENDPOINT", "/status",
                    "Lock a campaign with POST /api/campaigns/{id}/lock, which also locks its submissions"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        CampaignEntity campaign = CampaignEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        boolean created = campaign == null;
        Campaign before = created ? null : toCampaign(campaign);
        if (created) {
            campaign = new CampaignEntity();
            campaign.id = id;
        } else {
            if (LOCKED.equals(campaign.status)) {
                throw new ProblemException(Problem.of(409, "SUBMISSION_LOCKED", "Conflict", "Campaign " + id
                        + " is locked; a locked campaign cannot be changed", List.of()));
            }
            boolean questionnaireChanged = !campaign.questionnaireKey.equals(request.questionnaire().key())
                    || !campaign.questionnaireVersion.equals(request.questionnaire().version());
            if (questionnaireChanged && SubmissionEntity.count("campaignId", id) > 0) {
                throw ProblemException.conflict("CAMPAIGN_IN_USE", "Campaign " + id
                        + " has submissions; its questionnaire cannot change");
            }
        }
        campaign.questionnaireKey = request.questionnaire().key();
        campaign.questionnaireVersion = request.questionnaire().version();
        campaign.periodStart = request.periodStart();
        campaign.periodEnd = request.periodEnd();
        campaign.referenceDate = request.referenceDate();
        campaign.opens = request.opens();
        campaign.closes = request.closes();
        campaign.remediationDue = request.remediationDue();
        campaign.status = status;
        if (created) {
            campaign.persist();
        }
        Campaign after = toCampaign(campaign);
        if (!after.equals(before)) {
            audit.record(RegistryAudit.Subject.CAMPAIGN, id, created ? "CREATED" : "UPDATED", actor.name(), before,
                    after);
        }
        return created;
    }

    /** Every change of a campaign, oldest first; 404 for no such campaign. */
    public List<RegistryChange> history(String id) {
        get(id);
        return audit.history(RegistryAudit.Subject.CAMPAIGN, id);
    }

    /**
     * Locks a campaign and every submitted submission in it; afterwards every write answers 409
     * {@code SUBMISSION_LOCKED}. Locking twice changes nothing.
     */
    @Transactional
    public Campaign lock(String id, Actor actor, String comment) {
        CampaignEntity campaign = CampaignEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw ProblemException.notFound("CAMPAIGN_NOT_FOUND", "No campaign " + id);
        }
        if (LOCKED.equals(campaign.status)) {
            return toCampaign(campaign);
        }
        Campaign before = toCampaign(campaign);
        campaign.status = LOCKED;
        audit.record(RegistryAudit.Subject.CAMPAIGN, id, LOCKED, actor.name(), before, toCampaign(campaign));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var session = Panache.getEntityManager();
        session.flush();
        // audit first, while the rows still say SUBMITTED, then the transition itself
        session.createNativeQuery("insert into submission_event "
                + "(submission_id, action, status, revision, actor, at, comment, changes) "
                + "select id, 'LOCKED', 'LOCKED', revision, :actor, :at, :comment, cast('[]' as jsonb) "
                + "from submission where campaign_id = :campaign and status in ('SUBMITTED', 'RETURNED')")
                .setParameter("actor", actor.name())
                .setParameter("at", now)
                .setParameter("comment", comment == null ? "Campaign " + id + " locked" : comment)
                .setParameter("campaign", id)
                .executeUpdate();
        session.createNativeQuery("update submission set status = 'LOCKED', updated_at = :at, updated_by = :actor, "
                + "version = version + 1 where campaign_id = :campaign and status in ('SUBMITTED', 'RETURNED')")
                .setParameter("actor", actor.name())
                .setParameter("at", now)
                .setParameter("campaign", id)
                .executeUpdate();
        // entities of this transaction must not overwrite the bulk update
        session.clear();
        return get(id);
    }

    /** The campaign, if it still takes writes; 409 {@code CAMPAIGN_CLOSED} or {@code SUBMISSION_LOCKED} otherwise. */
    public static void requireWritable(CampaignEntity campaign) {
        List<FieldError> errors = writeErrors(campaign);
        if (!errors.isEmpty()) {
            FieldError error = errors.get(0);
            throw new ProblemException(Problem.of(409, error.code(), "Conflict", error.message(), errors));
        }
    }

    /** Why a campaign takes no writes, as errors pointing at {@code /campaignId}; empty when it is open. */
    public static List<FieldError> writeErrors(CampaignEntity campaign) {
        if (LOCKED.equals(campaign.status)) {
            return List.of(new FieldError("SUBMISSION_LOCKED", "/campaignId", "Campaign " + campaign.id
                    + " is locked"));
        }
        if (CLOSED.equals(campaign.status)) {
            return List.of(new FieldError("CAMPAIGN_CLOSED", "/campaignId", "Campaign " + campaign.id
                    + " is closed"));
        }
        return List.of();
    }

    public QuestionnaireDefinition definitionOf(CampaignEntity campaign) {
        return questionnaires.find(campaign.questionnaireKey, campaign.questionnaireVersion)
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaign.id
                        + " refers to an unknown questionnaire " + campaign.questionnaireKey + " "
                        + campaign.questionnaireVersion))
                .definition();
    }

    private static void required(Object value, String pointer, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("REQUIRED_MISSING", pointer, pointer.substring(1) + " is required"));
        }
    }

    Campaign toCampaign(CampaignEntity c) {
        return new Campaign(c.id, new Campaign.QuestionnaireRef(c.questionnaireKey, c.questionnaireVersion),
                c.periodStart, c.periodEnd, c.referenceDate, c.opens, c.closes, c.remediationDue, c.status,
                definitionOf(c).level());
    }
}
