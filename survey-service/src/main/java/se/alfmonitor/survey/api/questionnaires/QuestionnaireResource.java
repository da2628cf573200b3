package se.alfmonitor.survey.api.questionnaires;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.questionnaire.AnswerSchema;
import se.alfmonitor.survey.questionnaire.AnswerValidator;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireRegistry;

@Path("/api/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires", description = "Published questionnaire versions as data; immutable")
public class QuestionnaireResource {

    private final QuestionnaireRegistry registry;

    public QuestionnaireResource(QuestionnaireRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Every published questionnaire version")
    public List<QuestionnaireSummary> list() {
        return registry.all().stream().map(QuestionnaireDefinition.Published::definition)
                .map(d -> new QuestionnaireSummary(d.key(), d.version(), d.titleSv(), d.titleEn(), d.level(),
                        d.status()))
                .toList();
    }

    @GET
    @Path("/{key}/{version}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "One questionnaire definition", description = "Items with id, type, required, texts, "
            + "options {code, labelSv, labelEn, aliasesSv}, years, min, max, allowNoData, maxLength, enabledWhen, "
            + "columns (TABLE), items (GROUP), references {item, column} and multiple (REFERENCE: the key of a row "
            + "of another TABLE item, such as a docId of a document register) and format DECIMAL (TEXT).")
    @APIResponse(responseCode = "200", description = "The definition as published")
    @APIResponse(responseCode = "404", description = "No such questionnaire version")
    public JsonNode get(@PathParam("key") String key, @PathParam("version") String version) {
        return registry.find(key, version)
                .map(QuestionnaireDefinition.Published::document)
                .orElseThrow(() -> ProblemException.notFound("QUESTIONNAIRE_NOT_FOUND", "No questionnaire " + key
                        + " version " + version));
    }

    /**
     * The definition as a JSON Schema of a submission's {@code answers}, generated from the definition itself, so a
     * region can check its answers offline before it sends them.
     */
    @GET
    @Path("/{key}/{version}/schema")
    @Produces({ SCHEMA_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "The questionnaire as a JSON Schema of the answers object", description = "JSON Schema "
            + "draft 2020-12 of the `answers` object of a submission. `mode=complete` (default) is what a submission "
            + "must meet to be submitted: required items, conditions (an item whose `enabledWhen` does not hold "
            + "must be left out), row minimums; `mode=draft` is what a draft may hold: ids, types, options, years, "
            + "ranges and lengths. Two rules stay with the server: rows of a table with `uniqueColumns` must differ "
            + "in those columns, and a whole number is written without a fraction.")
    @APIResponse(responseCode = "200", description = "The schema")
    @APIResponse(responseCode = "400", description = "`INVALID_REQUEST`: mode is not complete or draft")
    @APIResponse(responseCode = "404", description = "`QUESTIONNAIRE_NOT_FOUND`")
    public JsonNode schema(@PathParam("key") String key, @PathParam("version") String version,
            @QueryParam("mode") @DefaultValue("complete")
            @Pattern(regexp = "complete|draft", message = "must be complete or draft") String mode) {
        QuestionnaireDefinition definition = registry.find(key, version)
                .map(QuestionnaireDefinition.Published::definition)
                .orElseThrow(() -> ProblemException.notFound("QUESTIONNAIRE_NOT_FOUND", "No questionnaire " + key
                        + " version " + version));
        return AnswerSchema.of(definition, "draft".equals(mode) ? AnswerValidator.Mode.DRAFT
                : AnswerValidator.Mode.COMPLETE);
    }

    /** The media type of JSON Schema documents. */
    public static final String SCHEMA_JSON = "application/schema+json";
}
