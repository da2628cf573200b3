package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.persistence.EntityManager;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.reporting.api.csv.CsvTable;
import se.alfmonitor.reporting.api.csv.CsvWriter;
import se.alfmonitor.reporting.api.csv.Tabular;
import se.alfmonitor.reporting.domain.SmallGroups;
import se.alfmonitor.reporting.persistence.ReadModelQueries;
import se.alfmonitor.reporting.persistence.ReadModelQueries.IndicatorRow;

@Path("/api/indicators")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Indicator series", description = "Indicator values over periods")
public class SeriesResource {

    /**
     * One period's value; {@code suppressed} when the small-group rule hides it from the caller: numerator and value
     * are then null (the denominator stays for a share of units, whose denominator is its responding units).
     */
    public record Point(String period, BigDecimal numerator, BigDecimal denominator, BigDecimal factor,
            BigDecimal value, Instant computedAt, boolean suppressed) {
    }

    /** @param minimumUnits the smallest group of responding units whose outcome figures everyone may see */
    public record Series(String indicator, String orgUnit, List<Point> points, int minimumUnits) implements Tabular {

        @Override
        public CsvTable toCsv() {
            CsvTable table = CsvTable.withHeaders(label("Indikator", "Indicator"), label("Organisationsenhet", "Org unit"),
                    label("Period", "Period"), label("Täljare", "Numerator"), label("Nämnare", "Denominator"),
                    label("Faktor", "Factor"), label("Värde", "Value"), label("Beräknad", "Computed at"));
            points.forEach(p -> table.row(indicator, orgUnit, p.period(), figure(p, p.numerator()),
                    figure(p, p.denominator()), p.factor(), figure(p, p.value()),
                    p.computedAt() == null ? null : p.computedAt().toString()));
            return table;
        }

        /** A suppressed figure is written "..", as official statistics do; a kept denominator as it is. */
        private static Object figure(Point point, BigDecimal value) {
            return point.suppressed() && value == null ? ComplianceDto.SUPPRESSED : value;
        }
    }

    /**
     * An indicator the read model holds values of for regions or the nation.
     *
     * @param orgUnits the org units (region codes, {@code ALF}, {@code SE}) with values, sorted
     */
    public record IndicatorSummary(String code, List<String> orgUnits, String firstPeriod, String latestPeriod,
            int periods) {
    }

    private final ReadModelQueries queries;
    private final SmallGroups smallGroups;
    private final EntityManager em;

    public SeriesResource(ReadModelQueries queries, SmallGroups smallGroups, EntityManager em) {
        this.queries = queries;
        this.smallGroups = smallGroups;
        this.em = em;
    }

    /** What a page offers to choose from instead of a typed indicator code; unit-level values are not listed. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The indicators with values", description = "Every indicator the read model holds values "
            + "of for a region, the ALF regions or the nation, by code: the org units, first and latest period and "
            + "the number of periods")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @SuppressWarnings("unchecked")
    public List<IndicatorSummary> indicators() {
        List<Object[]> rows = em.createNativeQuery("""
                select indicator, string_agg(distinct org_unit, ',' order by org_unit), min(period), max(period),
                    count(distinct period)
                from indicator_view where org_unit_level <> 'UNIT' group by indicator order by indicator""")
                .getResultList();
        return rows.stream().map(r -> new IndicatorSummary((String) r[0], List.of(((String) r[1]).split(",")),
                (String) r[2], (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    /**
     * Values of one indicator for one region, the ALF regions or the nation, by period; an outcome figure of 1 or 2
     * responding units is suppressed for callers who may not see those units (see {@link SmallGroups}).
     */
    @GET
    @Path("/{code}/series")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "Values of one indicator over periods", description = "For one region, the ALF regions "
            + "(ALF) or the nation (SE, the default).")
    @APIResponse(responseCode = "200", description = "The series", content = { @Content(mediaType = "application/json",
            schema = @Schema(implementation = Series.class)), @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, description = "One line per period")) })
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong role; UNIT_LEVEL_NOT_PUBLIC: series are "
            + "served for regions and the nation only")
    public Series series(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit) {
        String unit = orgUnit == null ? "SE" : orgUnit;
        List<IndicatorRow> rows = queries.series(code, unit);
        if (rows.stream().anyMatch(r -> "UNIT".equals(r.orgUnitLevel()))) {
            throw ProblemException.forbidden("UNIT_LEVEL_NOT_PUBLIC", "Series are served for regions and the nation");
        }
        Set<IndicatorRow> hidden = smallGroups.hiddenIndicators(rows);
        return new Series(code, unit, rows.stream().map(r -> point(r, hidden.contains(r))).toList(),
                smallGroups.minimum());
    }

    private static Point point(IndicatorRow r, boolean suppressed) {
        if (suppressed) {
            return new Point(r.period(), null, r.indicator().equals(r.groupSizeOf()) ? r.denominator() : null, r.factor(),
                    null, r.computedAt(), true);
        }
        return new Point(r.period(), r.numerator(), r.denominator(), r.factor(), r.value(), r.computedAt(), false);
    }
}
