package se.alfmonitor.indicator.api;

import static se.alfmonitor.contract.http.SpreadsheetText.safe;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.fhir.MeasureReports;
import se.alfmonitor.indicator.values.ServedValue;
import se.alfmonitor.indicator.values.SmallGroups;
import se.alfmonitor.indicator.values.ValueQueries;

@Path("/api/values")
@Tag(name = "Values", description = "Computed indicator values per unit, region, ALF region and nation")
public class ValueResource {

    public static final String TEXT_CSV = "text/csv";
    /** How the CSV writes a figure the small-group rule suppresses, as official statistics do. */
    public static final String SUPPRESSED = "..";

    private final ValueQueries values;
    private final Caller caller;
    private final IndicatorCatalogue catalogue;
    private final MeasureReports measureReports;
    private final SmallGroups smallGroups;

    public ValueResource(ValueQueries values, Caller caller, IndicatorCatalogue catalogue,
            MeasureReports measureReports, SmallGroups smallGroups) {
        this.values = values;
        this.smallGroups = smallGroups;
        this.caller = caller;
        this.catalogue = catalogue;
        this.measureReports = measureReports;
    }

    /**
     * The latest values matching the filters; viewers see regions, the ALF regions and the nation only, and outcome
     * figures of fewer than 3 responding units as suppressed (see {@link SmallGroups}). JSON unless the client
     * prefers {@code text/csv}, which gives one line per value for spreadsheets and exports.
     */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, TEXT_CSV })
    @RolesAllowed({ Roles.VIEWER, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Latest indicator values", description = "The latest values matching the filters; viewers "
            + "see regions, the ALF regions and the nation only. JSON, or one line per value with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The values", content = { @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorComputed.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
            description = "indicator,orgUnit,orgUnitLevel,period,numerator,denominator,factor,value,computedAt")) })
    public Response list(@QueryParam("indicator") String indicator, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("period") String period, @Context HttpHeaders headers) {
        if (prefersCsv(headers)) {
            return Response.ok(csv(indicator, orgUnit, period), TEXT_CSV + ";charset=UTF-8").build();
        }
        return Response.ok(latest(indicator, orgUnit, period), MediaType.APPLICATION_JSON).build();
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        return prefers(headers, TEXT_CSV);
    }

    private String csv(String indicator, String orgUnit, String period) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("indicator", "orgUnit", "orgUnitLevel", "period", "numerator", "denominator", "factor",
                        "value", "computedAt")
                .get())) {
            for (ServedValue v : latest(indicator, orgUnit, period)) {
                printer.printRecord(safe(v.indicator()), safe(v.orgUnit()), safe(v.orgUnitLevel()), safe(v.period()),
                        figure(v, v.numerator()), figure(v, v.denominator()), plain(v.factor()),
                        figure(v, v.value()), v.computedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<ServedValue> latest(String indicator, String orgUnit, String period) {
        List<IndicatorComputed> latest = values.latest(indicator, orgUnit, period, aggregatesOnly());
        return aggregatesOnly() ? smallGroups.forAggregateReader(latest) : smallGroups.unsuppressed(latest);
    }

    /** A figure of a suppressed value is written "..", never empty or 0; the kept denominator is written as it is. */
    private static String figure(ServedValue v, java.math.BigDecimal decimal) {
        return v.suppressed() && decimal == null ? SUPPRESSED : plain(decimal);
    }

    /**
     * One latest value; viewers get an outcome figure of a small group as suppressed; with
     * {@code Accept: application/fhir+json} as a FHIR R4 {@code MeasureReport}, for the
     * monitoring agency.
     */
    @GET
    @Path("/{indicator}/{orgUnit}/{period}")
    @Produces({ MediaType.APPLICATION_JSON, MeasureReports.MEDIA_TYPE })
    @RolesAllowed({ Roles.VIEWER, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "One indicator value", description = "The latest value; with Accept: application/fhir+json "
            + "a FHIR R4 MeasureReport (monitor and admin).")
    @APIResponse(responseCode = "200", description = "The value", content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = IndicatorComputed.class)), @Content(mediaType = "application/fhir+json",
            schema = @Schema(type = SchemaType.OBJECT, description = "A FHIR R4 MeasureReport")) })
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; UNIT_LEVEL: a unit's value for a "
            + "viewer; FHIR_MONITOR_ONLY: the FHIR form for a viewer")
    @APIResponse(responseCode = "404", description = "VALUE_NOT_FOUND; UNKNOWN_INDICATOR: not in the catalogue in "
            + "force")
    public Response one(@PathParam("indicator") String indicator, @PathParam("orgUnit") String orgUnit,
            @PathParam("period") String period, @Context HttpHeaders headers) {
        boolean fhir = prefers(headers, MeasureReports.MEDIA_TYPE);
        if (fhir && aggregatesOnly()) {
            throw ProblemException.forbidden("FHIR_MONITOR_ONLY", "The FHIR representation needs the monitor role");
        }
        IndicatorComputed value = values.latestOne(indicator, orgUnit, period).map(values::toEvent)
                .orElseThrow(() -> ProblemException.notFound("VALUE_NOT_FOUND",
                        "No value of " + indicator + " for " + orgUnit + " in " + period));
        if (aggregatesOnly() && OrgUnitLevel.UNIT.name().equals(value.orgUnitLevel())) {
            throw ProblemException.forbidden("UNIT_LEVEL", "Unit values need the monitor or admin role");
        }
        if (fhir) {
            IndicatorDefinition definition = catalogue.find(indicator).orElseThrow(() -> ProblemException
                    .notFound("UNKNOWN_INDICATOR", indicator + " is not in the catalogue in force")).definition();
            return Response.ok(measureReports.toJson(value, definition), MeasureReports.MEDIA_TYPE).build();
        }
        List<ServedValue> served = aggregatesOnly() ? smallGroups.forAggregateReader(List.of(value))
                : smallGroups.unsuppressed(List.of(value));
        return Response.ok(served.get(0), MediaType.APPLICATION_JSON).build();
    }

    /** Whether the client asks for {@code mediaType} before JSON or anything. */
    private static boolean prefers(HttpHeaders headers, String mediaType) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(mediaType))) {
                return true;
            }
        }
        return false;
    }

    private boolean aggregatesOnly() {
        return !caller.hasRole(Roles.MONITOR) && !caller.hasRole(Roles.ADMIN);
    }

    private static String plain(java.math.BigDecimal decimal) {
        return decimal == null ? "" : decimal.toPlainString();
    }
}
