package se.alfmonitor.assessment.api;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.assessment.reassessment.ReassessmentService;
import se.alfmonitor.assessment.reassessment.ReassessmentService.PublishResult;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSetDiff;
import se.alfmonitor.assessment.rules.RuleSetLifecycle;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/**
 * The rules as data: every shipped and uploaded rule set with its levels, expressions and chosen interpretations;
 * the lifecycle of uploaded ones (draft, replaced or deleted, published) and the differences between two.
 */
@Path("/api/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets", description = "The 27 minimum levels as data: shipped and uploaded rule sets, their "
        + "lifecycle and differences")
public class RuleSetResource {

    /** The shipped rule set is about 41 kB; a candidate twenty-five times that is not a rule set. */
    static final int UPLOAD_MAX_BYTES = 1024 * 1024;

    private final RuleSets ruleSets;
    private final RuleSetLifecycle lifecycle;
    private final ReassessmentService reassessment;
    private final Caller caller;
    private final ObjectMapper json;

    public RuleSetResource(RuleSets ruleSets, RuleSetLifecycle lifecycle, ReassessmentService reassessment,
            Caller caller, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.lifecycle = lifecycle;
        this.reassessment = reassessment;
        this.caller = caller;
        this.json = json;
    }

    public record RuleSetSummary(String version, String questionnaireKey, String questionnaireVersion,
            @Schema(enumeration = { "DRAFT", "PUBLISHED" }) String status, Instant publishedAt, boolean active,
            boolean shipped, int levels, int ambiguities,
            String descriptionSv, String descriptionEn) {
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Rule sets", description = "Every shipped and uploaded rule set with its status and whether "
            + "it is in force.")
    public List<RuleSetSummary> list() {
        lifecycle.refresh();
        return ruleSets.all().stream().map(this::summary).toList();
    }

    /** The rule set file as shipped or uploaded, with its lifecycle status and whether it is the one in force. */
    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "One rule set", description = "The rule set document as shipped or uploaded (levels, "
            + "expressions, the interpretation chosen for each ambiguity), with status and active.")
    @APIResponse(responseCode = "200", description = "The rule set document",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT,
            description = "The rule set in the shipped format, plus status and active")))
    @APIResponse(responseCode = "404", description = "RULE_SET_NOT_FOUND")
    public ObjectNode get(@PathParam("version") String version) {
        lifecycle.refresh();
        CompiledRuleSet ruleSet = find(version);
        ObjectNode document = ruleSet.document().deepCopy();
        document.put("status", ruleSets.status(ruleSet));
        document.put("active", ruleSets.isActive(ruleSet));
        return document;
    }

    /** Stores a candidate as a DRAFT (201 new, 200 replaced) once it passes every check. */
    @PUT
    @Path("/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Upload a candidate rule set", description = "Stored as a DRAFT once it passes every check; "
            + "every problem is reported at once, each with a pointer into the document.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.OBJECT, description = "A rule set in the shipped format")))
    @APIResponse(responseCode = "201", description = "A new draft", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RuleSetLifecycle.Upload.class)))
    @APIResponse(responseCode = "200", description = "A draft replaced",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RuleSetLifecycle.Upload.class)))
    @APIResponse(responseCode = "400", description = "RULE_SET_INVALID with errors coded REQUIRED_MISSING, "
            + "WRONG_TYPE, INVALID_VERSION, VERSION_MISMATCH, UNKNOWN_QUESTIONNAIRE, LEVEL_MISSING, LEVEL_DUPLICATE, "
            + "LEVEL_UNKNOWN, INVALID_AREA, EXPRESSION_INVALID, EXPRESSION_NOT_BOOL, EXPRESSION_FAILS, UNKNOWN_ITEM, "
            + "INVALID_OPTION, UNKNOWN_YEAR, REVIEW_ITEM_NOT_READ, INVALID_FLAG; MALFORMED_JSON")
    @APIResponse(responseCode = "409", description = "RULE_SET_IMMUTABLE: a shipped or published version")
    @APIResponse(responseCode = "413", description = "RULE_SET_TOO_LARGE: over 1 MB; PAYLOAD_TOO_LARGE: over 8 MB")
    public Response upload(@PathParam("version") String version, byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("RULE_SET_INVALID", "A rule set document is required",
                    List.of(new FieldError("REQUIRED_MISSING", "/", "the body is empty")));
        }
        if (body.length > UPLOAD_MAX_BYTES) {
            throw new ProblemException(Problem.of(413, "RULE_SET_TOO_LARGE", "Payload too large",
                    "A rule set is at most " + UPLOAD_MAX_BYTES + " bytes; nothing was stored", List.of()));
        }
        JsonNode document = json.readTree(body);
        if (!(document instanceof ObjectNode object)) {
            throw ProblemException.badRequest("RULE_SET_INVALID", "A rule set is a JSON object",
                    List.of(new FieldError("WRONG_TYPE", "/", "the body is not a JSON object")));
        }
        RuleSetLifecycle.Upload upload = lifecycle.upload(version, object, caller.name());
        return upload.created()
                ? Response.created(URI.create("/api/rule-sets/" + version)).entity(upload).build()
                : Response.ok(upload).build();
    }

    /** Deletes a draft; shipped and published rule sets are immutable (409). */
    @DELETE
    @Path("/{version}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a draft rule set")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "RULE_SET_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "RULE_SET_IMMUTABLE: a shipped or published version")
    public Response delete(@PathParam("version") String version) {
        lifecycle.delete(version, caller.name());
        return Response.noContent().build();
    }

    /** Level by level, what {@code to} changes of {@code from}. */
    @GET
    @Path("/{from}/diff/{to}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Differences between two rule sets", description = "Level by level, the fields that differ.")
    @APIResponse(responseCode = "200", description = "Differences between two rule sets")
    @APIResponse(responseCode = "404", description = "RULE_SET_NOT_FOUND")
    public RuleSetDiff.Diff diff(@PathParam("from") String from, @PathParam("to") String to) {
        lifecycle.refresh();
        return RuleSetDiff.between(find(from), find(to));
    }

    /** Puts the rule set in force for its questionnaire version and re-assesses every unit assessed under it. */
    @POST
    @Path("/{version}/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a rule set", description = "Puts the version in force for its questionnaire and "
            + "re-assesses the latest revision of every affected unit.")
    @APIResponse(responseCode = "200", description = "The rule set in force and the units re-assessed")
    @APIResponse(responseCode = "404", description = "RULE_SET_NOT_FOUND")
    public PublishResult publish(@PathParam("version") String version) {
        lifecycle.refresh();
        return reassessment.publish(version, caller.name());
    }

    private CompiledRuleSet find(String version) {
        return ruleSets.find(version)
                .orElseThrow(() -> ProblemException.notFound("RULE_SET_NOT_FOUND", "No rule set " + version));
    }

    private RuleSetSummary summary(CompiledRuleSet r) {
        return new RuleSetSummary(r.version(), r.questionnaireKey(), r.questionnaireVersion(), ruleSets.status(r),
                ruleSets.publishedAt(r), ruleSets.isActive(r), ruleSets.isShipped(r.version()), r.levels().size(),
                r.definition().ambiguities() == null ? 0 : r.definition().ambiguities().size(),
                r.definition().descriptionSv(), r.definition().descriptionEn());
    }
}
