package se.alfmonitor.assessment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentFilter;
import se.alfmonitor.assessment.assessment.AssessmentQueries;
import se.alfmonitor.assessment.assessment.AssessmentStatus;
import se.alfmonitor.assessment.assessment.PageCursor;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "The latest assessment of each unit: 27 levels, each with its outcome and why")
public class AssessmentResource {

    /** The header naming the cursor of the next page, beside the {@code Link} header's {@code rel="next"}. */
    public static final String NEXT_CURSOR = "Next-Cursor";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** {@code view}: every level with its explanation, or only number, area and outcome. */
    public enum View {
        full, summary
    }

    private final AssessmentQueries queries;
    private final Caller caller;

    public AssessmentResource(AssessmentQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    /**
     * The latest assessment of each unit matching the filters, ordered by unit id and campaign id; a reporter sees
     * only its own region. Without {@code limit} and {@code cursor}, every match at once, as version 1 of the contract
     * has it; with either, one page, and the next page's cursor in the headers.
     */
    @GET
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "The latest assessment of each unit", description = "A JSON array ordered by unitId and "
            + "campaignId. Paging is opt-in: with limit or cursor the array holds one page, and unless it is the "
            + "last the response carries the next page's cursor in the Next-Cursor header and its URL in a Link "
            + "header with rel=\"next\". Paging is by key (unit and campaign), so a walk sees every unit once while "
            + "new assessments arrive. A cursor is only valid with the filters of its first page.")
    @APIResponse(responseCode = "200", description = "The assessments (view=summary: levels without explanations)",
            headers = {
                    @Header(name = NEXT_CURSOR, description = "The cursor of the next page; absent on the last",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Link", description = "<URL of the next page>; rel=\"next\"",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = AssessmentListItem.class)))
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST (a parameter out of range), INVALID_CURSOR")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A role not listed; OTHER_REGION for a reporter's other region")
    public Response list(@QueryParam("campaignId") String campaignId,
            @QueryParam("regionCode") @Pattern(regexp = "\\d{2}", message = "must be a two-digit region code")
            String regionCode,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "ALL_MET: every level fulfilled; NOT_ALL_MET: at least one not",
                    schema = @Schema(implementation = AssessmentStatus.class))
            @QueryParam("status") @Pattern(regexp = "ALL_MET|NOT_ALL_MET", message = "must be ALL_MET or NOT_ALL_MET")
            String status,
            @Parameter(description = "true: at least one level PENDING_REVIEW; false: none",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("hasPendingReviews") @Pattern(regexp = "true|false", message = "must be true or false")
            String hasPendingReviews,
            @Parameter(description = "Page size, 1 to 500; 100 when only a cursor is given")
            @QueryParam("limit") @Min(1) @Max(MAX_LIMIT) Integer limit,
            @Parameter(description = "The Next-Cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "full (default) or summary: levels without explanations",
                    schema = @Schema(implementation = View.class))
            @QueryParam("view") @DefaultValue("full") @Pattern(regexp = "full|summary",
                    message = "must be full or summary") String view,
            @Context UriInfo uri) {
        AssessmentFilter filter = new AssessmentFilter(campaignId, caller.scopeRegion(regionCode).orElse(null), unitId,
                status == null ? null : AssessmentStatus.valueOf(status),
                hasPendingReviews == null ? null : Boolean.valueOf(hasPendingReviews));
        View shown = View.valueOf(view);
        if (limit == null && cursor == null) {
            return Response.ok(render(queries.all(filter), shown)).build();
        }
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor, filter);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        AssessmentQueries.Page<AssessmentEntity> page = queries.page(filter, after, size);
        Response.ResponseBuilder response = Response.ok(render(page.items(), shown));
        page.next().ifPresent(next -> {
            String token = next.encode();
            response.header(NEXT_CURSOR, token).links(Link.fromUri(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", token).replaceQueryParam("limit", size).build()).rel("next").build());
        });
        return response.build();
    }

    private List<?> render(List<AssessmentEntity> found, View view) {
        return view == View.summary ? queries.summaries(found) : queries.views(found);
    }
}
