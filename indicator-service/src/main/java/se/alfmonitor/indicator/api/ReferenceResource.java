package se.alfmonitor.indicator.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.reference.ReferenceStatistics;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Kind;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Version;

/** Population and new cancer cases per region and year: {@code population} and {@code cancer-incidence}. */
@Path("/api/reference/{kind}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MONITOR, Roles.ADMIN })
public class ReferenceResource {

    private final ReferenceStatistics reference;
    private final Caller caller;

    public ReferenceResource(ReferenceStatistics reference, Caller caller) {
        this.reference = reference;
        this.caller = caller;
    }

    /** Loads {@code [{regionCode, value}]} as a new version of the kind and year. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Version putJson(@PathParam("kind") String kind, @PathParam("year") int year,
            @QueryParam("source") String source, String body) {
        return reference.loadJson(kind(kind), year, source, body, caller.name());
    }

    /** Loads CSV with the header {@code regionCode,value} as a new version of the kind and year. */
    @PUT
    @Consumes(ValueResource.TEXT_CSV)
    public Version putCsv(@PathParam("kind") String kind, @PathParam("year") int year,
            @QueryParam("source") String source, String body) {
        return reference.loadCsv(kind(kind), year, source, body, caller.name());
    }

    /** The version in force. */
    @GET
    public Version get(@PathParam("kind") String kind, @PathParam("year") int year) {
        return reference.latest(kind(kind), year).orElseThrow(() -> ProblemException.notFound("REFERENCE_NOT_FOUND",
                "No " + kind + " statistics are loaded for " + year));
    }

    private static Kind kind(String path) {
        return Kind.ofPath(path).orElseThrow(() -> ProblemException.notFound("UNKNOWN_REFERENCE",
                "Reference statistics are population or cancer-incidence, not " + path));
    }
}
