package se.alfmonitor.survey.api.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;
import se.alfmonitor.survey.imports.ImportService;
import se.alfmonitor.survey.security.Actor;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of submissions, JSON or CSV, with an import summary")
public class ImportResource {

    static final String SUMMARY = """
            {"importId": "6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70", "dryRun": false, "imported": 298, "updated": 1,
             "ignored": 0, "rejected": 1,
             "conflicts": [{"index": 17, "submissionId": "0b8f6c1e-7d2a-4f5b-9c3e-1a2b3c4d5e6f",
                            "errors": [{"code": "INVALID_OPTION", "pointer": "/answers/3",
                                        "message": "'MAYBE' is not an option of 3"}]}]}""";

    static final String INTERRUPTED = "INTERNAL_ERROR: a row failed in the service (logged); the import stopped "
            + "there. detail names the row and the import, whose audit record lists the rows stored before it";

    private final ImportService imports;
    private final Caller caller;

    public ImportResource(ImportService imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Import submissions (JSON)", description = "An array of {submissionId, campaignId, unitId, "
            + "answers, submit}. Each row is stored on its own: a rejected row blocks no other. New submissions count "
            + "as imported, changed ones as updated, identical ones as ignored (also when a concurrent import stored "
            + "them a moment before). A submitted submission is amended when the row says submit: true. A row is "
            + "rejected only for what the client can fix; a failure of the service stops the import with a 500. "
            + "dryRun=true checks everything and stores nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rows",
            value = """
                    [{"submissionId": "0b8f6c1e-7d2a-4f5b-9c3e-1a2b3c4d5e6f", "campaignId": "alf-2018-2021",
                      "unitId": "01-KS-ONK", "submit": true,
                      "answers": {"3": "WHOLE_PERIOD", "...": "every item of the questionnaire"}}]""")))
    @APIResponse(responseCode = "200", description = "The import summary", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summary", value = SUMMARY)))
    @APIResponse(responseCode = "413", description = "The body exceeds the size limit")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: WRONG_TYPE (not an array), "
            + "TOO_MANY_ROWS")
    @APIResponse(responseCode = "500", description = INTERRUPTED)
    public ImportSummary importJson(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, JsonNode rows) {
        return ImportSummary.from(imports.importJson(rows, dryRun, Actor.of(caller)));
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed({ Roles.REPORTER, Roles.ADMIN })
    @Operation(summary = "Import submissions (CSV)", description = "Header submissionId,campaignId,unitId,itemId,"
            + "value,submit; one line per submission and answered cell. itemId is the path below /answers: 3, "
            + "15/2019, staffComposition/0/s1. Values are option codes (or Swedish labels), |-separated codes for "
            + "multiple choice, whole numbers, text, or empty for no data. Text starting with = + - @ is rejected "
            + "(spreadsheet formula injection). Error pointers are the same as for JSON; lines lists the CSV lines.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
            submissionId,campaignId,unitId,itemId,value,submit
            0b8f6c1e-7d2a-4f5b-9c3e-1a2b3c4d5e6f,alf-2018-2021,01-KS-ONK,3,WHOLE_PERIOD,true
            0b8f6c1e-7d2a-4f5b-9c3e-1a2b3c4d5e6f,alf-2018-2021,01-KS-ONK,15/2019,6,true
            0b8f6c1e-7d2a-4f5b-9c3e-1a2b3c4d5e6f,alf-2018-2021,01-KS-ONK,14a,NATIONAL_STUDIES|INTERNATIONAL_STUDIES,true
            """)))
    @APIResponse(responseCode = "200", description = "The import summary")
    @APIResponse(responseCode = "400", description = "CSV_HEADER, MALFORMED_CSV, INVALID_ENCODING, "
            + "UNSUPPORTED_CHARSET")
    @APIResponse(responseCode = "500", description = INTERRUPTED)
    public ImportSummary importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam("Content-Type") String contentType, byte[] csv) {
        return ImportSummary.from(imports.importCsv(decode(csv, contentType), dryRun, Actor.of(caller)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REPORTER, Roles.ASSESSOR, Roles.MONITOR, Roles.ADMIN })
    @Operation(summary = "The audit record of an import", description = "Who ran it, when, and its summary; a "
            + "reporter reads its own region's imports only.")
    @APIResponse(responseCode = "200", description = "The import")
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportRunDto get(@PathParam("id") UUID id) {
        return ImportRunDto.from(imports.get(id, Actor.of(caller)));
    }

    /**
     * Decodes in the charset the client declared (spreadsheets often export ISO-8859-1), UTF-8 otherwise; 400
     * {@code INVALID_ENCODING} when the bytes are not text in that charset.
     */
    static String decode(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            try {
                String declared = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
                if (declared != null) {
                    charset = Charset.forName(declared);
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("UNSUPPORTED_CHARSET", "Unknown charset in " + contentType,
                        List.of(new FieldError("UNSUPPORTED_CHARSET", "?Content-Type", contentType)));
            }
        }
        String text;
        try {
            // strict: bytes that are not text in the charset are refused, not stored as replacement characters
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("INVALID_ENCODING", "The CSV is not valid " + charset.name()
                    + "; declare the charset it is written in, e.g. text/csv; charset=ISO-8859-1",
                    List.of(new FieldError("INVALID_ENCODING", "/", e.toString())));
        }
        // a byte order mark from spreadsheet exports is not part of the first header name
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
