package se.alfmonitor.assessment.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.assessment.override.SiteVisitOverrides;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideRequest;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideResult;
import se.alfmonitor.assessment.override.SiteVisitOverrides.OverrideView;
import se.alfmonitor.assessment.override.SiteVisitOverrides.WithdrawalRequest;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/** Site-visit overrides of level outcomes (AMB-14), recorded by assessors and visible to the unit's region. */
@Path("/api/overrides")
@Produces(MediaType.APPLICATION_JSON)
public class OverrideResource {

    private final SiteVisitOverrides overrides;
    private final Caller caller;

    public OverrideResource(SiteVisitOverrides overrides, Caller caller) {
        this.overrides = overrides;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public List<OverrideView> list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit region code")
            String regionCode,
            @QueryParam("unitId") String unitId,
            @QueryParam("inForce") Boolean inForce) {
        return overrides.list(campaignId, caller.scopeRegion(regionCode).orElse(null), unitId, inForce);
    }

    /** Records an override of one level; the unit's assessment is recomputed and published in the same transaction. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    public Response create(OverrideRequest request) {
        OverrideResult result = overrides.create(request, caller.name());
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /** Withdraws an override; the level falls back to the survey's result. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    public OverrideResult withdraw(@PathParam("id") UUID id, WithdrawalRequest request) {
        return overrides.withdraw(id, request, caller.name());
    }
}
