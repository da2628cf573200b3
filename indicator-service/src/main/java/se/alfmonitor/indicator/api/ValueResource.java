package se.alfmonitor.indicator.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.indicator.domain.IndicatorService;

@Path("/api/values")
@Produces(MediaType.APPLICATION_JSON)
public class ValueResource {

    private final IndicatorService indicators;
    private final Caller caller;

    public ValueResource(IndicatorService indicators, Caller caller) {
        this.indicators = indicators;
        this.caller = caller;
    }

    /** The latest values matching the filters; viewers see regions, the ALF regions and the nation only. */
    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.MONITOR, Roles.ADMIN })
    public List<IndicatorComputed> list(@QueryParam("indicator") String indicator,
            @QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period) {
        boolean aggregatesOnly = !caller.hasRole(Roles.MONITOR) && !caller.hasRole(Roles.ADMIN);
        return indicators.latest(indicator, orgUnit, period, aggregatesOnly);
    }
}
