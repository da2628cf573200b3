package se.alfmonitor.reporting.api;

import static se.alfmonitor.reporting.api.csv.CsvTable.label;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

@Path("/api/indicators/{code}/series")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Indicator series", description = "Indicator values over periods")
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

    private final EntityManager em;

    public SeriesResource(EntityManager em) {
        this.em = em;
    }

    /** Values of one indicator for one region, the ALF regions or the nation, by period. */
    @GET
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
