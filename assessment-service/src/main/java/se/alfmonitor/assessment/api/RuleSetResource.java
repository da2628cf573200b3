package se.alfmonitor.assessment.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.assessment.reassessment.ReassessmentService;
import se.alfmonitor.assessment.reassessment.ReassessmentService.PublishResult;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** The rules as data: every shipped rule set with its levels, expressions and chosen interpretations. */
@Path("/api/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final RuleSets ruleSets;
    private final ReassessmentService reassessment;
    private final Caller caller;

    public RuleSetResource(RuleSets ruleSets, ReassessmentService reassessment, Caller caller) {
        this.ruleSets = ruleSets;
        this.reassessment = reassessment;
        this.caller = caller;
    }

    public record RuleSetSummary(String version, String questionnaireKey, String questionnaireVersion,
            String status, Instant publishedAt, boolean active, int levels, int ambiguities, String descriptionSv,
            String descriptionEn) {
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public List<RuleSetSummary> list() {
        return ruleSets.all().stream().map(this::summary).toList();
    }

    /** The rule set file as shipped, plus whether it is the one in force. */
    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public ObjectNode get(@PathParam("version") String version) {
        CompiledRuleSet ruleSet = find(version);
        ObjectNode document = ruleSet.document().deepCopy();
        document.put("active", ruleSets.isActive(ruleSet));
        return document;
    }

    /** Puts the rule set in force for its questionnaire version and re-assesses every unit assessed under it. */
    @POST
    @Path("/{version}/publish")
    @RolesAllowed(Roles.ADMIN)
    public PublishResult publish(@PathParam("version") String version) {
        return reassessment.publish(version, caller.name());
    }

    private CompiledRuleSet find(String version) {
        return ruleSets.find(version)
                .orElseThrow(() -> ProblemException.notFound("RULE_SET_NOT_FOUND", "No rule set " + version));
    }

    private RuleSetSummary summary(CompiledRuleSet r) {
        return new RuleSetSummary(r.version(), r.questionnaireKey(), r.questionnaireVersion(),
                r.definition().status(), r.definition().publishedAt(), ruleSets.isActive(r), r.levels().size(),
                r.definition().ambiguities() == null ? 0 : r.definition().ambiguities().size(),
                r.definition().descriptionSv(), r.definition().descriptionEn());
    }
}
