package se.alfmonitor.survey.imports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.campaigns.CampaignService;
import se.alfmonitor.survey.config.SurveyConfig;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.ImportRunEntity;
import se.alfmonitor.survey.persistence.StorableText;
import se.alfmonitor.survey.persistence.SubmissionLock;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.security.Actor;
import se.alfmonitor.survey.submissions.Candidate;
import se.alfmonitor.survey.submissions.Draft;
import se.alfmonitor.survey.submissions.SubmissionAmendments;
import se.alfmonitor.survey.submissions.SubmissionDrafts;
import se.alfmonitor.survey.submissions.SubmissionQueries;
import se.alfmonitor.survey.submissions.SubmissionStatus;

/**
 * Bulk import of submissions. Each row runs in its own transaction through the same service methods as the single
 * endpoints, so a rejected row changes nothing and blocks no other row; a dry run rolls every row back. A row takes
 * its unit's {@link SubmissionLock} before it reads what is stored, so a row that a concurrent import has just stored
 * is seen, and ignored when identical. A row is rejected only for what the client can fix; a failure of the service
 * stops the import with a 500. The import as a whole is one audit record, and every change it makes carries its id
 * in the submissions' history.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    enum Outcome {
        IMPORTED,
        UPDATED,
        IGNORED
    }

    /** Carries a dry run's outcome out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private final Outcome outcome;

        DryRun(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private final SubmissionDrafts drafts;
    private final SubmissionAmendments amendments;
    private final SubmissionQueries queries;
    private final CampaignService campaigns;
    private final SurveyConfig config;
    private final ObjectMapper mapper;
    private final SubmissionLock locks;

    public ImportService(SubmissionDrafts drafts, SubmissionAmendments amendments, SubmissionQueries queries,
            CampaignService campaigns, SurveyConfig config, ObjectMapper mapper, SubmissionLock locks) {
        this.drafts = drafts;
        this.amendments = amendments;
        this.queries = queries;
        this.campaigns = campaigns;
        this.config = config;
        this.mapper = mapper;
        this.locks = locks;
    }

    public ImportSummary importJson(JsonNode body, boolean dryRun, Actor actor) {
        if (body == null || !body.isArray()) {
            throw ProblemException.validation(List.of(new FieldError("WRONG_TYPE", "/",
                    "Expected a JSON array of {submissionId, campaignId, unitId, answers, submit}")));
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            rows.add(jsonRow(i, body.get(i)));
        }
        return run(rows, "JSON", dryRun, actor);
    }

    public ImportSummary importCsv(String body, boolean dryRun, Actor actor) {
        List<ImportRow> rows = CsvRows.read(body == null ? "" : body, this::definitionOf);
        return run(rows, "CSV", dryRun, actor);
    }

    /** The audit record of an import; a reporter reads only its own region's imports. */
    public ImportRun get(UUID id, Actor actor) {
        ImportRunEntity run = ImportRunEntity.findById(id);
        if (run == null) {
            throw ProblemException.notFound("IMPORT_NOT_FOUND", "No import " + id);
        }
        if (actor.boundRegion() != null && !actor.boundRegion().equals(run.regionCode)) {
            throw ProblemException.forbidden("OTHER_REGION", "This import was made by another region");
        }
        return new ImportRun(run.id, run.actor, run.regionCode, run.format, run.dryRun, run.startedAt,
                run.finishedAt, run.summary);
    }

    private Optional<QuestionnaireDefinition> definitionOf(String campaignId) {
        CampaignEntity campaign = campaignId == null || campaignId.isBlank() || StorableText.containsNul(campaignId)
                ? null
                : CampaignEntity.findById(campaignId);
        return campaign == null ? Optional.empty() : Optional.of(campaigns.definitionOf(campaign));
    }

    private ImportSummary run(List<ImportRow> rows, String format, boolean dryRun, Actor actor) {
        if (rows.size() > config.importMaxRows()) {
            throw ProblemException.validation(List.of(new FieldError("TOO_MANY_ROWS", "/", rows.size()
                    + " submissions exceed the limit of " + config.importMaxRows() + " per import")));
        }
        UUID importId = UUID.randomUUID();
        Instant started = now();
        int imported = 0;
        int updated = 0;
        int ignored = 0;
        List<ImportSummary.Conflict> conflicts = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ImportRow row : rows) {
            List<FieldError> errors = new ArrayList<>(row.readErrors());
            if (row.submissionId() != null && !seen.add(row.submissionId())) {
                errors.add(new FieldError("DUPLICATE_ROW", "/submissionId", "Submission " + row.submissionId()
                        + " appears more than once in this import"));
            }
            if (errors.isEmpty()) {
                try {
                    Outcome outcome = apply(row, dryRun, actor, importId);
                    switch (outcome) {
                        case IMPORTED -> imported++;
                        case UPDATED -> updated++;
                        case IGNORED -> ignored++;
                    }
                    continue;
                } catch (ProblemException e) {
                    errors.addAll(errorsOf(e));
                } catch (RuntimeException e) {
                    // nothing the client could fix: no rejection inside a 200, but the request fails
                    LOG.errorf(e, "Import %s: row %d failed; the import stops there", importId, row.index());
                    recordQuietly(new ImportSummary(importId, dryRun, imported, updated, ignored, conflicts.size(),
                            conflicts), format, actor, started);
                    throw new ProblemException(Problem.of(500, "INTERNAL_ERROR", "Internal error", "Row "
                            + row.index() + " could not be stored and the import stopped there; the failure is "
                            + "logged. The rows before it are as GET /api/imports/" + importId + " shows, the rows "
                            + "from it on were not tried. Send the import again: rows already stored are ignored.",
                            List.of()));
                }
            }
            conflicts.add(new ImportSummary.Conflict(row.index(), row.rawSubmissionId(), row.lines(), errors));
        }
        ImportSummary summary = new ImportSummary(importId, dryRun, imported, updated, ignored, conflicts.size(),
                conflicts);
        record(summary, format, actor, started);
        return summary;
    }

    private Outcome apply(ImportRow row, boolean dryRun, Actor actor, UUID importId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Outcome outcome = applyInTransaction(row, actor, importId);
                if (dryRun) {
                    throw new DryRun(outcome);
                }
                return outcome;
            });
        } catch (DryRun done) {
            return done.outcome;
        }
    }

    private Outcome applyInTransaction(ImportRow row, Actor actor, UUID importId) {
        UUID id = row.submissionId();
        if (row.campaignId() != null && row.unitId() != null) {
            // what is stored decides what is written; a concurrent import of the same row comes before or after
            locks.lock(row.campaignId(), row.unitId());
        }
        if (row.submit()) {
            // everything a submit would check, reported at once and before anything is written
            List<FieldError> errors = drafts.validate(new Candidate(id, row.campaignId(), row.unitId(),
                    row.answers()), actor);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
        }
        SubmissionStatus status = queries.statusOf(id);
        Draft draft = new Draft(row.campaignId(), row.unitId(), row.answers());
        if (status == null) {
            drafts.saveDraft(id, draft, actor, importId);
            if (row.submit()) {
                drafts.submit(id, actor, importId);
            }
            return Outcome.IMPORTED;
        }
        if (status == SubmissionStatus.SUBMITTED && row.submit()) {
            return amendments.amend(id, row.answers(), null, actor, importId).changed() ? Outcome.UPDATED
                    : Outcome.IGNORED;
        }
        // drafts and returned submissions are edited; a submitted or locked one answers the same 409 as PUT
        boolean changed = drafts.saveDraft(id, draft, actor, importId).changed();
        if (row.submit()) {
            changed |= drafts.submit(id, actor, importId).changed();
        }
        return changed ? Outcome.UPDATED : Outcome.IGNORED;
    }

    private static List<FieldError> errorsOf(ProblemException e) {
        if (!e.problem().errors().isEmpty()) {
            return e.problem().errors();
        }
        String pointer = "OTHER_REGION".equals(e.problem().code()) ? "/unitId" : "/";
        return List.of(new FieldError(e.problem().code(), pointer, e.problem().detail()));
    }

    /** The audit record of an import that failed, if the database takes it; the failure itself is logged. */
    private void recordQuietly(ImportSummary summary, String format, Actor actor, Instant started) {
        try {
            record(summary, format, actor, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s: its audit record could not be stored", summary.importId());
        }
    }

    private void record(ImportSummary summary, String format, Actor actor, Instant started) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRunEntity run = new ImportRunEntity();
            run.id = summary.importId();
            run.actor = actor.name();
            run.regionCode = actor.boundRegion();
            run.format = format;
            run.dryRun = summary.dryRun();
            run.startedAt = started;
            run.finishedAt = now();
            // messages and ids quote the rejected input, NUL included; the client still gets the summary as it was
            run.summary = mapper.convertValue(StorableText.withoutNul(mapper.valueToTree(summary)), MAP);
            run.persist();
        });
    }

    private ImportRow jsonRow(int index, JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            errors.add(new FieldError("WRONG_TYPE", "/", "Expected {submissionId, campaignId, unitId, answers, "
                    + "submit}"));
            return new ImportRow(index, null, null, null, null, null, null, false, errors);
        }
        String rawId = node.path("submissionId").isTextual() ? node.get("submissionId").textValue() : null;
        UUID id = null;
        if (rawId == null) {
            errors.add(new FieldError("REQUIRED_MISSING", "/submissionId", "submissionId (a UUID) is required"));
        } else {
            try {
                id = UUID.fromString(rawId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("INVALID_ID", "/submissionId", "'" + rawId + "' is not a UUID"));
            }
        }
        JsonNode submit = node.path("submit");
        if (!submit.isMissingNode() && !submit.isNull() && !submit.isBoolean()) {
            errors.add(new FieldError("WRONG_TYPE", "/submit", "submit is true or false"));
        }
        for (String field : List.of("campaignId", "unitId")) {
            if (node.has(field) && !node.get(field).isTextual()) {
                errors.add(new FieldError("WRONG_TYPE", "/" + field, field + " is a string"));
            }
        }
        return new ImportRow(index, null, rawId, id, text(node, "campaignId"), text(node, "unitId"),
                node.get("answers"), submit.asBoolean(false), errors);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).textValue() : null;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
