package se.alfmonitor.survey.api.submissions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.config.SurveyConfig;
import se.alfmonitor.survey.security.Actor;
import se.alfmonitor.survey.submissions.Precondition;
import se.alfmonitor.survey.submissions.Saved;
import se.alfmonitor.survey.submissions.SubmissionAmendments;
import se.alfmonitor.survey.submissions.SubmissionDrafts;
import se.alfmonitor.survey.submissions.SubmissionQueries;
import se.alfmonitor.survey.submissions.SubmissionStatus;

@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "Drafts, submission, amendments, returns, history")
public class SubmissionResource {

    static final String DRAFT_EXAMPLE = """
            {"campaignId": "alf-2018-2021", "unitId": "01-KS-ONK",
             "answers": {"3": "WHOLE_PERIOD", "13b.1": "JA", "14a": ["NATIONAL_STUDIES"],
                         "15": {"2018": 4, "2019": 6, "2020": null, "2021": 7}}}""";
    static final String AMENDMENT_EXAMPLE = """
            {"expectedRevision": 1,
             "answers": {"3": "WHOLE_PERIOD", "4a": "JA", "...": "every item of the questionnaire"}}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:alf-monitor:problem:validation-failed", "title": "The request is not valid",
             "status": 422, "detail": "2 problem(s) found; nothing was stored", "code": "VALIDATION_FAILED",
             "errors": [{"code": "INVALID_OPTION", "pointer": "/answers/3", "message": "'MAYBE' is not an option of 3"},
                        {"code": "REQUIRED_MISSING", "pointer": "/answers/13b.1", "message": "Item 13b.1 must be answered"}]}""";

    private final SubmissionDrafts drafts;
    private final SubmissionAmendments amendments;
    private final SubmissionQueries queries;
    private final Caller caller;
    private final SurveyConfig config;

    public SubmissionResource(SubmissionDrafts drafts, SubmissionAmendments amendments, SubmissionQueries queries,
            Caller caller, SurveyConfig config) {
        this.drafts = drafts;
        this.amendments = amendments;
        this.queries = queries;
        this.caller = caller;
        this.config = config;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Create or replace a draft", description = "The id is a client-chosen UUID, so retries are "
            + "safe. Answers are checked for structure (unknown items, types, options, ranges); required items are "
            + "checked on submit. Identical content again is a 200 that changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
            DraftRequest.class), examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Draft created", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionDto.class)))
    @APIResponse(responseCode = "200", description = "Draft replaced, or unchanged", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionDto.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; OTHER_REGION: a unit of another region")
    @APIResponse(responseCode = "409", description = "SUBMISSION_NOT_DRAFT, SUBMISSION_LOCKED, CAMPAIGN_CLOSED, "
            + "SUBMISSION_ID_CONFLICT, SUBMISSION_EXISTS")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the body: "
            + "REQUIRED_MISSING, UNKNOWN_ITEM, INVALID_OPTION, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_YEAR, "
            + "INVALID_CHARACTER, TOO_LONG, UNKNOWN_UNIT, UNKNOWN_CAMPAIGN, UNIT_INACTIVE",
            content = @Content(mediaType =
            "application/problem+json", examples = @ExampleObject(name = "problem", value = PROBLEM_EXAMPLE)))
    public Response putDraft(@PathParam("id") UUID id, DraftRequest draft) {
        Saved saved = drafts.saveDraft(id, DraftRequest.toDraft(draft), Actor.of(caller), null);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(SubmissionDto.from(saved.submission()))
                .build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Submit a draft", description = "Full validation, then status SUBMITTED with the next "
            + "revision, published on alf.submissions.v1. Submitting again is a 200 no-op.")
    @APIResponse(responseCode = "200", description = "Submitted (or already submitted)")
    @APIResponse(responseCode = "404", description = "No such submission")
    @APIResponse(responseCode = "409", description = "SUBMISSION_LOCKED, CAMPAIGN_CLOSED")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the stored "
            + "answers: REQUIRED_MISSING, UNKNOWN_ITEM, INVALID_OPTION, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_YEAR, "
            + "INVALID_CHARACTER, TOO_LONG")
    public SubmissionDto submit(@PathParam("id") UUID id) {
        return SubmissionDto.from(drafts.submit(id, Actor.of(caller), null).submission());
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Amend a submitted submission", description = "A new fully validated revision n+1; earlier "
            + "revisions stay readable. Identical answers are a 200 no-op. Give If-Match with the ETag read (e.g. "
            + "\"1-4\"), which every write advances, a return included, to be told with 409 REVISION_CONFLICT when "
            + "anyone wrote after you read. A revision number (expectedRevision, or If-Match: \"1\") means that "
            + "revision as it was submitted: it conflicts once a newer revision exists or the submission was returned "
            + "for correction. expectedRevision takes precedence over If-Match. A new revision clears returnComment; "
            + "the return and its comment stay in the history.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
            AmendmentRequest.class), examples = @ExampleObject(name = "amendment", value = AMENDMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "New revision", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionDto.class)))
    @APIResponse(responseCode = "200", description = "Identical to the current revision; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
            SubmissionDto.class)))
    @APIResponse(responseCode = "400", description = "INVALID_IF_MATCH: neither an ETag nor a revision")
    @APIResponse(responseCode = "409", description = "REVISION_CONFLICT, SUBMISSION_NOT_SUBMITTED, "
            + "SUBMISSION_LOCKED, CAMPAIGN_CLOSED")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem of the answers: "
            + "REQUIRED_MISSING, UNKNOWN_ITEM, INVALID_OPTION, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_YEAR, "
            + "INVALID_CHARACTER, TOO_LONG")
    public Response amend(@PathParam("id") UUID id,
            @Parameter(description = "The submission's ETag (\"1-4\") or a revision (\"1\") the amendment is based "
                    + "on") @HeaderParam("If-Match") String ifMatch,
            AmendmentRequest amendment) {
        AmendmentRequest body = amendment == null ? new AmendmentRequest(null, null) : amendment;
        Precondition expected = body.expectedRevision() != null ? Precondition.revision(body.expectedRevision())
                : Precondition.ifMatch(ifMatch);
        Saved saved = amendments.amend(id, body.answers(), expected, Actor.of(caller), null);
        SubmissionDto submission = SubmissionDto.from(saved.submission());
        if (!saved.changed()) {
            return Response.ok(submission).build();
        }
        return Response.created(URI.create("/api/submissions/" + id + "/revisions/" + submission.revision()))
                .entity(submission).build();
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(summary = "Return a submission for correction", description = "Status RETURNED with the comment; the "
            + "reporter edits it as a draft and submits it again as the next revision, or amends it with If-Match: "
            + "the new ETag. The return advances the ETag: an amendment based on the state before it answers 409 "
            + "REVISION_CONFLICT.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name =
            "return", value = "{\"comment\": \"Exemplet i 30a beskriver inte hur resultaten hanterats.\"}")))
    @APIResponse(responseCode = "200", description = "Returned")
    @APIResponse(responseCode = "409", description = "SUBMISSION_NOT_SUBMITTED, SUBMISSION_LOCKED")
    public SubmissionDto returnForCorrection(@PathParam("id") UUID id, @NotNull @Valid ReturnRequest request) {
        return SubmissionDto.from(amendments.returnForCorrection(id, request.comment(), Actor.of(caller)));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Dry run of a submission", description = "Every check of a submit, including campaign "
            + "state; nothing is stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
            ValidateRequest.class), examples = @ExampleObject(name = "validate", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "{valid: true}")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED with every problem: REQUIRED_MISSING, "
            + "UNKNOWN_ITEM, INVALID_OPTION, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_UNIT, UNKNOWN_CAMPAIGN",
            content = @Content(mediaType =
            "application/problem+json", examples = @ExampleObject(name = "problem", value = PROBLEM_EXAMPLE)))
    public ValidationResult validate(ValidateRequest request) {
        List<FieldError> errors = drafts.validate(ValidateRequest.toCandidate(request), Actor.of(caller));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new ValidationResult(true);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "One submission with its current answers")
    @APIResponse(responseCode = "200", description = "The submission", headers = @Header(name = "ETag",
            description = "The state's concurrency token (also the body's etag), for If-Match of an amendment"))
    @APIResponse(responseCode = "404", description = "No such submission")
    public SubmissionDto get(@PathParam("id") UUID id) {
        return SubmissionDto.from(queries.get(id, Actor.of(caller)));
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Submissions, filtered and paged", description = "A reporter sees its own region only. "
            + "page counts from 0.")
    @APIResponse(responseCode = "200", description = "{items, page, size, total}")
    public SubmissionPage list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}") String regionCode,
            @QueryParam("unitId") String unitId,
            @QueryParam("status") SubmissionStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String region = caller.scopeRegion(regionCode).orElse(null);
        return SubmissionPage.from(queries.list(campaignId, region, unitId, status, page,
                Math.min(size, config.maxPageSize())));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Audit history", description = "Every transition (DRAFT_CREATED, DRAFT_SAVED, SUBMITTED, "
            + "AMENDED, RETURNED, LOCKED) with actor, time, comment, import and the changed answers.")
    @APIResponse(responseCode = "200", description = "Oldest first")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return queries.history(id, Actor.of(caller)).stream().map(HistoryEntry::from).toList();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Every submitted revision")
    public List<RevisionDto> revisions(@PathParam("id") UUID id) {
        return queries.revisions(id, Actor.of(caller)).stream().map(RevisionDto::from).toList();
    }

    @GET
    @Path("/{id}/revisions/{revision}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "One submitted revision, as it was submitted")
    @APIResponse(responseCode = "200", description = "One submitted revision, as it was submitted")
    @APIResponse(responseCode = "404", description = "No such submission or revision")
    public RevisionDto revision(@PathParam("id") UUID id, @PathParam("revision") int revision) {
        return RevisionDto.from(queries.revision(id, revision, Actor.of(caller)));
    }
}
