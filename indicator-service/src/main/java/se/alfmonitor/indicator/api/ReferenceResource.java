package se.alfmonitor.indicator.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Reference statistics", description = "Population and new cancer cases per region and year, the "
        + "denominators of the indicators")
public class ReferenceResource {

    private final ReferenceStatistics reference;
    private final Caller caller;

    public ReferenceResource(ReferenceStatistics reference, Caller caller) {
        this.reference = reference;
        this.caller = caller;
    }

    /** One line of a JSON load, as the OpenAPI document describes it (the body is read strictly as text). */
    @Schema(name = "ReferenceRow")
    public record Row(@Schema(pattern = "\\d{2}", examples = "01") String regionCode,
            @Schema(minimum = "0", maximum = "1000000000000", examples = "2415139") java.math.BigDecimal value) {
    }

    // one operation in the OpenAPI document, served by two methods (JSON and CSV bodies): the same texts for both
    private static final String LOAD = "JSON [{regionCode, value}] or CSV with the "
            + "header regionCode,value, stored as a new version of the kind and year; the indicators that read it "
            + "are recomputed. Each value is a number from 0 to 1,000,000,000,000 with at most 6 decimals.";
    private static final String UNKNOWN_KIND = "UNKNOWN_REFERENCE: the kind is neither population nor "
            + "cancer-incidence";
    private static final String INVALID_ROWS = "VALIDATION_FAILED with every problem at once: "
            + "REQUIRED_MISSING, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_REGION, DUPLICATE_REGION, CSV_HEADER, "
            + "MALFORMED_CSV, INVALID_CHARACTER";

    /** Loads {@code [{regionCode, value}]} as a new version of the kind and year. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load reference statistics", description = LOAD)
    @RequestBody(required = true, content = { @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Row.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "regionCode,value then one line per region")) })
    @APIResponse(responseCode = "200", description = "The version stored, now in force")
    @APIResponse(responseCode = "404", description = UNKNOWN_KIND)
    @APIResponse(responseCode = "422", description = INVALID_ROWS)
    public Version putJson(@PathParam("kind") String kind, @PathParam("year") int year,
            @QueryParam("source") String source, String body) {
        return reference.loadJson(kind(kind), year, source, body, caller.name());
    }

    /** Loads CSV with the header {@code regionCode,value} as a new version of the kind and year. */
    @PUT
    @Consumes(ValueResource.TEXT_CSV)
    @Operation(summary = "Load reference statistics", description = LOAD)
    @RequestBody(required = true, content = { @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Row.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "regionCode,value then one line per region")) })
    @APIResponse(responseCode = "200", description = "The version stored, now in force")
    @APIResponse(responseCode = "404", description = UNKNOWN_KIND)
    @APIResponse(responseCode = "422", description = INVALID_ROWS)
    public Version putCsv(@PathParam("kind") String kind, @PathParam("year") int year,
            @QueryParam("source") String source, String body) {
        return reference.loadCsv(kind(kind), year, source, body, caller.name());
    }

    /** The version in force. */
    @GET
    @Operation(summary = "Reference statistics in force", description = "The version of the kind and year in force, "
            + "with who loaded it and when.")
    @APIResponse(responseCode = "200", description = "Reference statistics in force")
    @APIResponse(responseCode = "404", description = "REFERENCE_NOT_FOUND: nothing loaded for the year; "
            + "UNKNOWN_REFERENCE: the kind is neither population nor cancer-incidence")
    public Version get(@PathParam("kind") String kind, @PathParam("year") int year) {
        return reference.latest(kind(kind), year).orElseThrow(() -> ProblemException.notFound("REFERENCE_NOT_FOUND",
                "No " + kind + " statistics are loaded for " + year));
    }

    private static Kind kind(String path) {
        return Kind.ofPath(path).orElseThrow(() -> ProblemException.notFound("UNKNOWN_REFERENCE",
                "Reference statistics are population or cancer-incidence, not " + path));
    }
}
