package se.alfmonitor.survey.api.regions;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.units.Region;
import se.alfmonitor.survey.units.Regions;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Reference data: the 21 Swedish regions, seven of them ALF regions")
public class RegionResource {

    @GET
    @Operation(summary = "Every region", description = "code, name, letterCode, university and alfRegion")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.VIEWER, Roles.ADMIN })
    public List<Region> list() {
        return Regions.ALL;
    }
}
