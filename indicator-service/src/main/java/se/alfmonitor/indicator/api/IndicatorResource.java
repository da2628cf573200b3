package se.alfmonitor.indicator.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The indicator catalogue in force")
public class IndicatorResource {

    private final IndicatorCatalogue catalogue;

    public IndicatorResource(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue version in force: every indicator with its formulas. */
    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Indicator definitions", description = "The catalogue version in force: every indicator "
            + "with its numerator, denominator, factor, unit, levels and source.")
    public List<IndicatorDefinition> list() {
        return catalogue.definitions();
    }
}
