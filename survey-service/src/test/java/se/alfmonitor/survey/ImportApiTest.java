package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class ImportApiTest {

    @Test
    void aRegionImports300SubmittedQuestionnairesInOneCall() {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            units.add(Api.unit("01"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (String unit : units) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(Map.of("submissionId", id.toString(), "campaignId", Api.ALF, "unitId", unit,
                    "answers", Fixtures.completeAlfUsve(), "submit", true));
        }
        String importId = given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(rows)
                .post("/api/imports")
                .then().statusCode(200)
                .body("imported", equalTo(300)).body("updated", equalTo(0)).body("ignored", equalTo(0))
                .body("rejected", equalTo(0)).body("conflicts", hasSize(0)).body("dryRun", equalTo(false))
                .extract().path("importId");

        given().auth().oauth2(Tokens.monitor()).get("/api/submissions/{id}", ids.get(299))
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1))
                .body("unitId", equalTo(units.get(299)));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}/history", ids.get(0))
                .then().statusCode(200).body("action", contains("DRAFT_CREATED", "SUBMITTED"))
                .body("importId", contains(importId, importId));

        // the same import again is recognised as identical
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(rows)
                .post("/api/imports")
                .then().statusCode(200)
                .body("imported", equalTo(0)).body("ignored", equalTo(300)).body("rejected", equalTo(0));
    }

    @Test
    void aRejectedRowBlocksNoOtherRow() {
        String submittedUnit = Api.unit("01");
        UUID submitted = Api.submitted("01", submittedUnit);
        String badUnit = Api.unit("01");
        UUID bad = UUID.randomUUID();
        String otherRegionUnit = Api.unit("03");
        String draftUnit = Api.unit("01");
        UUID draft = UUID.randomUUID();
        ObjectNode amended = Fixtures.completeAlfUsve().put("39", "NEJ");

        List<Object> rows = List.of(
                Map.of("submissionId", submitted.toString(), "campaignId", Api.ALF, "unitId", submittedUnit,
                        "answers", amended, "submit", true),
                Map.of("submissionId", bad.toString(), "campaignId", Api.ALF, "unitId", badUnit,
                        "answers", Fixtures.completeAlfUsve().put("3", "MAYBE"), "submit", true),
                Map.of("submissionId", UUID.randomUUID().toString(), "campaignId", Api.ALF,
                        "unitId", otherRegionUnit, "answers", Fixtures.completeAlfUsve(), "submit", true),
                Map.of("submissionId", draft.toString(), "campaignId", Api.ALF, "unitId", draftUnit,
                        "answers", Map.of("3", "NEJ")),
                Map.of("submissionId", draft.toString(), "campaignId", Api.ALF, "unitId", draftUnit,
                        "answers", Map.of("3", "NEJ")),
                "not a row");

        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(rows)
                .post("/api/imports")
                .then().statusCode(200)
                .body("imported", equalTo(1)).body("updated", equalTo(1)).body("ignored", equalTo(0))
                .body("rejected", equalTo(4))
                .body("conflicts.index", contains(1, 2, 4, 5))
                .body("conflicts[0].submissionId", equalTo(bad.toString()))
                .body("conflicts[0].errors[0].code", equalTo("INVALID_OPTION"))
                .body("conflicts[0].errors[0].pointer", equalTo("/answers/3"))
                .body("conflicts[1].errors[0].code", equalTo("OTHER_REGION"))
                .body("conflicts[2].errors[0].code", equalTo("DUPLICATE_ROW"))
                .body("conflicts[3].errors[0].code", equalTo("WRONG_TYPE"));

        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", submitted)
                .then().statusCode(200).body("revision", equalTo(2)).body("answers.39", equalTo("NEJ"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", draft)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", bad).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/submissions?unitId={u}", otherRegionUnit)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDryRunReportsWithoutStoring() {
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();
        String importId = given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON)
                .body(List.of(Map.of("submissionId", id.toString(), "campaignId", Api.ALF, "unitId", unit,
                        "answers", Fixtures.completeAlfUsve(), "submit", true)))
                .post("/api/imports?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("imported", equalTo(1))
                .body("importId", notNullValue())
                .extract().path("importId");
        // the import itself is one audit record, readable by its region and the national roles
        given().auth().oauth2(Tokens.reporter("01")).get("/api/imports/{id}", importId)
                .then().statusCode(200).body("actor", equalTo("service-account-region-01"))
                .body("dryRun", equalTo(true)).body("format", equalTo("JSON"))
                .body("summary.imported", equalTo(1));
        given().auth().oauth2(Tokens.reporter("03")).get("/api/imports/{id}", importId).then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get("/api/imports/{id}", importId).then().statusCode(403);
        given().get("/api/imports/{id}", importId).then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).get("/api/imports/{id}", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("IMPORT_NOT_FOUND"));
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.reporter("01")).contentType(ContentType.JSON).body(Map.of("x", 1))
                .post("/api/imports")
                .then().statusCode(422).body("errors[0].code", equalTo("WRONG_TYPE"));
    }

    @Test
    void csvRowsAreOneCellEachWithLabelsMappedToCodes() throws IOException {
        String unit = Api.unit("01");
        UUID id = UUID.randomUUID();
        String unsafeUnit = Api.unit("01");
        UUID unsafe = UUID.randomUUID();
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord("submissionId", "campaignId", "unitId", "itemId", "value", "submit");
            for (String[] cell : cells(Fixtures.completeAlfUsve())) {
                String value = switch (cell[0]) {
                    case "3" -> "Det har funnits under hela perioden"; // the Swedish label
                    case "4a" -> "ja";
                    default -> cell[1];
                };
                printer.printRecord(id, Api.ALF, unit, cell[0], value, "true");
            }
            for (String[] cell : cells(Fixtures.completeAlfUsve())) {
                String value = "30a".equals(cell[0]) ? "=HYPERLINK(\"http://example.invalid\")" : cell[1];
                printer.printRecord(unsafe, Api.ALF, unsafeUnit, cell[0], value, "true");
            }
        }

        given().auth().oauth2(Tokens.reporter("01")).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/api/imports")
                .then().statusCode(200)
                .body("imported", equalTo(1)).body("rejected", equalTo(1))
                .body("conflicts[0].index", equalTo(1))
                .body("conflicts[0].errors.code", hasItem("UNSAFE_CSV_TEXT"))
                .body("conflicts[0].errors.pointer", hasItem("/answers/30a"))
                .body("conflicts[0].lines", hasSize(cells(Fixtures.completeAlfUsve()).size()));

        JsonNode stored = Fixtures.JSON.valueToTree(given().auth().oauth2(Tokens.reporter("01"))
                .get("/api/submissions/{id}", id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath().getMap("answers"));
        assertThat(stored).isEqualTo(Fixtures.JSON.valueToTree(
                Fixtures.JSON.convertValue(Fixtures.completeAlfUsve(), Map.class)));

        given().auth().oauth2(Tokens.reporter("01")).contentType("text/csv").body("a,b\n1,2\n")
                .post("/api/imports")
                .then().statusCode(400).body("code", equalTo("CSV_HEADER"));
    }

    /** The answers as CSV cells: path below /answers and value. */
    static List<String[]> cells(ObjectNode answers) {
        List<String[]> cells = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> items = answers.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            JsonNode value = item.getValue();
            if (value.isArray() && (value.isEmpty() || value.get(0).isTextual())) {
                List<String> codes = new ArrayList<>();
                value.forEach(v -> codes.add(v.asText()));
                cells.add(new String[] { item.getKey(), String.join("|", codes) });
            } else if (value.isArray()) {
                for (int row = 0; row < value.size(); row++) {
                    Iterator<Map.Entry<String, JsonNode>> columns = value.get(row).fields();
                    while (columns.hasNext()) {
                        Map.Entry<String, JsonNode> column = columns.next();
                        cells.add(new String[] { item.getKey() + "/" + row + "/" + column.getKey(),
                                column.getValue().isNull() ? "" : column.getValue().asText() });
                    }
                }
            } else if (value.isObject()) {
                value.fields().forEachRemaining(year -> cells.add(new String[] { item.getKey() + "/" + year.getKey(),
                        year.getValue().isNull() ? "" : year.getValue().asText() }));
            } else {
                cells.add(new String[] { item.getKey(), value.isNull() ? "" : value.asText() });
            }
        }
        return cells;
    }
}
