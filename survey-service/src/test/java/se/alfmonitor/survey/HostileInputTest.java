package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;

/**
 * Inputs that are valid enough to get past parsing but must not reach the database, or that the parser must refuse
 * instead of guessing: each is a 4xx problem with a stable code, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void aNulCharacterInTextIsAValidationErrorNotAConflictOrAServerError() {
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();
        // a new draft: the database used to refuse the insert, reported as REVISION_CONFLICT
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body("{\"campaignId\": \"" + Api.ALF + "\", \"unitId\": \"" + unit + "\", "
                        + "\"answers\": {\"explanation4a\": \"a\\u0000b\"}}")
                .put("/api/submissions/{id}", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].code", equalTo("INVALID_CHARACTER"))
                .body("errors[0].pointer", equalTo("/answers/explanation4a"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id).then().statusCode(404);

        // an amendment: the database used to refuse the new revision at commit, a 500
        UUID submitted = Api.submitted("01", Api.unit("01"));
        ObjectNode answers = Fixtures.completeAlfUsve();
        answers.put("explanation4a", "före\u0000efter");
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(Map.of("expectedRevision", 1, "answers", answers))
                .post("/api/submissions/{id}/amendments", submitted)
                .then().statusCode(422).body("errors.code", hasItem("INVALID_CHARACTER"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}/revisions", submitted)
                .then().statusCode(200).body("$", hasSize(1));

        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body("{\"comment\": \"x\\u0000\"}")
                .post("/api/submissions/{id}/return", submitted)
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Klinik\\u0000\", \"regionCode\": \"01\", \"directPatientContact\": true}")
                .put("/api/units/{id}", "01-NUL-" + Api.suffix())
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void ambiguousJsonIsRefusedInsteadOfReadHalfway() {
        String unit = Api.unit("01");
        String draft = "{\"campaignId\": \"" + Api.ALF + "\", \"unitId\": \"" + unit + "\", \"answers\": %s}";
        for (String body : new String[] {
            String.format(draft, "{\"3\": \"WHOLE_PERIOD\", \"3\": \"NEJ\"}"),
            String.format(draft, "{}") + " ]",
            String.format(draft, "{}") + String.format(draft, "{}"),
            // 101 levels; the end-to-end corpus sends 10,000 (too deep for this client's request log)
            String.format(draft, "{\"3\": " + "[".repeat(99) + "]".repeat(99) + "}") }) {
            given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(body)
                    .put("/api/submissions/{id}", UUID.randomUUID())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED_JSON"));
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"regionCode\": \"01\", \"directPatientContact\": true, "
                        + "\"designatedYear\": 2016.5}")
                .put("/api/units/{id}", "01-FRAC-" + Api.suffix())
                .then().statusCode(400).body("code", equalTo("WRONG_TYPE"))
                .body("errors[0].pointer", equalTo("/designatedYear"));
        given().auth().oauth2(Tokens.admin()).queryParam("unitId", unit).get("/api/submissions")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bodiesThatAreNotUtf8OrHaveNoContentTypeAreRefusedAndAuthFailuresAreProblems() {
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(("{\"campaignId\": \"" + Api.ALF + "\", \"unitId\": \"" + unit
                + "\", \"answers\": {\"explanation4a\": \"a").getBytes(StandardCharsets.UTF_8));
        // C0 AF is an overlong '/', which the JSON parser used to accept and store
        overlong.writeBytes(new byte[] { (byte) 0xC0, (byte) 0xAF });
        overlong.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(overlong.toByteArray())
                .put("/api/submissions/{id}", id)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        String utf16 = "{\"campaignId\": \"" + Api.ALF + "\", \"unitId\": \"" + unit + "\", \"answers\": {}}";
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(utf16.getBytes(StandardCharsets.UTF_16LE))
                .put("/api/submissions/{id}", id)
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id).then().statusCode(404);

        given().auth().oauth2(Tokens.admin()).get("/api/campaigns/{id}", "x\u0000y")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CHARACTER"));
        given().get("/api/units").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/units")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void brokenCsvIsABadRequestAndNulInRejectedCellsStillLeavesAnAuditRecord() {
        String unit = Api.unit("01");
        String header = "submissionId,campaignId,unitId,itemId,value,submit\n";
        // an unclosed quote used to escape the parser's error handling as a 500
        given().auth().oauth2(Tokens.reporter("01")).contentType("text/csv; charset=UTF-8")
                .body(header + UUID.randomUUID() + "," + Api.ALF + "," + unit + ",explanation4a,\"never closed\n")
                .post("/api/imports")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_CSV"));

        // bytes that are not UTF-8 used to be stored as replacement characters
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((header + UUID.randomUUID() + "," + Api.ALF + "," + unit + ",explanation4a,a")
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE, '\n' });
        given().auth().oauth2(Tokens.reporter("01")).contentType("text/csv; charset=UTF-8").body(bytes.toByteArray())
                .post("/api/imports")
                .then().statusCode(400).body("code", equalTo("INVALID_ENCODING"));

        // the summary quotes the rejected option, NUL included; storing that audit record used to fail with a 500
        String importId = given().auth().oauth2(Tokens.reporter("01")).contentType("text/csv; charset=UTF-8")
                .body(header + UUID.randomUUID() + "," + Api.ALF + "," + unit + ",3,NEJ\u0000,false\n"
                        + UUID.randomUUID() + "," + Api.ALF + "," + unit + ",explanation4a,x\u0000y,false\n")
                .post("/api/imports")
                .then().statusCode(200).body("imported", equalTo(0)).body("rejected", equalTo(2))
                .body("conflicts[0].errors.code", hasItem("INVALID_OPTION"))
                .body("conflicts[1].errors.code", hasItem("INVALID_CHARACTER"))
                .extract().path("importId");
        given().auth().oauth2(Tokens.reporter("01")).get("/api/imports/{id}", importId)
                .then().statusCode(200).body("summary.rejected", equalTo(2));
        given().auth().oauth2(Tokens.admin()).queryParam("unitId", unit).get("/api/submissions")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
