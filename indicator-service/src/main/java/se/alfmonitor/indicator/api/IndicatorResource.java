package se.alfmonitor.indicator.api;

import java.util.List;

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
public class IndicatorResource {

    private final IndicatorCatalogue catalogue;

    public IndicatorResource(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue version in force: every indicator with its formulas. */
    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public List<IndicatorDefinition> list() {
        return catalogue.definitions();
    }
}
