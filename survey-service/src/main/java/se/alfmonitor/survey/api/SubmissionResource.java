package se.alfmonitor.survey.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.domain.SubmissionService;

@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private final SubmissionService submissions;

    public SubmissionResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    public Response putDraft(@PathParam("id") UUID id, @NotNull @Valid DraftRequest draft) {
        SubmissionService.Saved saved = submissions.saveDraft(id, draft);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.submission())
                .build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    public SubmissionDto submit(@PathParam("id") UUID id) {
        return submissions.submit(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public SubmissionDto get(@PathParam("id") UUID id) {
        return submissions.get(id);
    }
}
