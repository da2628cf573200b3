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
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Roles;
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
}
