package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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

@Path("/api/indicators")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
public class SeriesResource {

    public record Point(String period, BigDecimal numerator, BigDecimal denominator, BigDecimal factor,
            BigDecimal value, Instant computedAt) {
    }

    public record Series(String indicator, String orgUnit, List<Point> points) implements Tabular {

        @Override
        public CsvTable toCsv() {
            CsvTable table = CsvTable.withHeaders(label("Indikator", "Indicator"), label("Organisationsenhet", "Org unit"),
                    label("Period", "Period"), label("Täljare", "Numerator"), label("Nämnare", "Denominator"),
                    label("Faktor", "Factor"), label("Värde", "Value"), label("Beräknad", "Computed at"));
            points.forEach(p -> table.row(indicator, orgUnit, p.period(), p.numerator(), p.denominator(), p.factor(),
                    p.value(), p.computedAt() == null ? null : p.computedAt().toString()));
            return table;
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

    private final EntityManager em;

    public SeriesResource(EntityManager em) {
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

    /** Values of one indicator for one region, the ALF regions or the nation, by period. */
    @GET
    @Path("/{code}/series")
    @RolesAllowed({ Roles.VIEWER, Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    public Series series(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit) {
        String unit = orgUnit == null ? "SE" : orgUnit;
        List<Object[]> rows = em.createNativeQuery("""
                select period, numerator, denominator, factor, value, computed_at, org_unit_level
                from indicator_view where indicator = :i and org_unit = :o order by period""")
                .setParameter("i", code).setParameter("o", unit).getResultList();
        if (rows.stream().anyMatch(r -> "UNIT".equals(r[6]))) {
            throw ProblemException.forbidden("UNIT_LEVEL_NOT_PUBLIC", "Series are served for regions and the nation");
        }
        return new Series(code, unit, rows.stream().map(r -> new Point((String) r[0], (BigDecimal) r[1],
                (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4], toInstant(r[5]))).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
