package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import se.alfmonitor.e2e.ContractDocument.Caller;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Every endpoint of every service × every caller, with tokens from the real realm, against the contract's
 * authorization table ({@code docs/contract.md}, "who may call each endpoint"), which this test reads: the expected
 * matrix is the contract's, not a copy. A cell is a violation when access is wider than the table allows (the caller
 * should get 401 or 403 but does not) or narrower (an allowed caller gets 401 or 403). The matrix is printed. An
 * operation a running service's OpenAPI document has that the table does not list fails the test too.
 *
 * <p>Allowed callers may still get 404, 409 or 422 (the addressed thing is missing or in another state): the matrix
 * is about who gets past authorization. The streaming endpoint {@code /api/stream} is judged by the status of its
 * response head; the stream itself is then closed.
 *
 * <p>How each row is called lives here ({@link #calls()}): the concrete path (region 01 owns what it addresses) and a
 * body. A row without an entry is called generically: each path variable a fresh random value, the query
 * {@code regionCode=01&campaignId=alf-2018-2021}, and an empty JSON object as the body of a PUT or POST. That suffices
 * for an endpoint whose access depends on roles only; one that looks at the region of what it addresses needs an
 * entry.
 */
@Order(2)
class AuthorizationMatrixIT extends AgainstRunningSuite {

    /** A concrete request for a row of the table. */
    record Call(String path, Function<RequestSpecification, RequestSpecification> request) {
    }

    private static final Function<RequestSpecification, RequestSpecification> NONE = r -> r;

    private static String unitId;
    private static UUID submissionId;
    private static String importId;

    @BeforeAll
    static void prepare() {
        unitId = "01-AUTHZ-" + UUID.randomUUID().toString().substring(0, 6);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Behörighetskliniken", "regionCode", "01", "directPatientContact", true))
                .put("/api/units/{id}", unitId).then().statusCode(201);
        submissionId = UUID.randomUUID();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Fixtures.completeAlfUsve()))
                .put("/api/submissions/{id}", submissionId).then().statusCode(201);
        importId = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                .contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(List.of(Map.of("submissionId", UUID.randomUUID().toString(), "campaignId", "alf-2018-2021",
                        "unitId", unitId, "answers", Map.of())))
                .post("/api/imports").then().statusCode(200).extract().path("importId");
    }

    /** How the rows of the contract's table are called, keyed by service, method and path as the table writes them. */
    private static Map<String, List<Call>> calls() {
        Map<String, Object> draft = Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Map.of());
        Function<RequestSpecification, RequestSpecification> draftBody = r -> r.contentType(ContentType.JSON)
                .body(draft);
        String campaign = "?campaignId=alf-2018-2021";
        Map<String, List<Call>> calls = new HashMap<>();
        BiConsumerCall add = (key, path, request) -> calls.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Call(path, request));
        // survey-service
        add.accept("survey-service GET /api/units", "/api/units?regionCode=01", NONE);
        add.accept("survey-service PUT /api/units/{id}", "/api/units/01-AUTHZ-NEW-{random}",
                r -> r.contentType(ContentType.JSON).body(Map.of("name", "Ny", "regionCode", "01",
                        "directPatientContact", true)));
        add.accept("survey-service GET /api/units/{id}/history", "/api/units/{unit}/history", NONE);
        add.accept("survey-service GET /api/questionnaires/{key}/{version}", "/api/questionnaires/alf-usve/2021", NONE);
        add.accept("survey-service GET /api/campaigns/{id}", "/api/campaigns/alf-2018-2021", NONE);
        add.accept("survey-service POST /api/campaigns/{id}/lock", "/api/campaigns/no-such-campaign/lock", NONE);
        add.accept("survey-service PUT /api/campaigns/{id}", "/api/campaigns/research-1999",
                r -> r.contentType(ContentType.JSON).body(Map.of("questionnaire",
                        Map.of("key", "regional-research", "version", "2021"), "periodStart", "1999-01-01",
                        "periodEnd", "1999-12-31", "referenceDate", "1999-12-31", "status", "CLOSED")));
        add.accept("survey-service PUT /api/submissions/{id}", "/api/submissions/{submission}", draftBody);
        add.accept("survey-service POST /api/submissions/validate", "/api/submissions/validate", draftBody);
        add.accept("survey-service GET /api/submissions/{id}", "/api/submissions/{submission}", NONE);
        add.accept("survey-service GET /api/submissions", "/api/submissions?regionCode=01", NONE);
        add.accept("survey-service GET /api/submissions/{id}/history", "/api/submissions/{submission}/history", NONE);
        add.accept("survey-service GET /api/submissions/{id}/revisions", "/api/submissions/{submission}/revisions",
                NONE);
        add.accept("survey-service GET /api/submissions/{id}/revisions/{n}",
                "/api/submissions/{submission}/revisions/1", NONE);
        // an import is open to every reporter; each row is then checked against the caller's region (rows of another
        // region are rejected in the summary with OTHER_REGION, as survey-service's tests show), so nothing is
        // stored for the other region's reporter
        add.accept("survey-service POST /api/imports", "/api/imports?dryRun=true",
                r -> r.contentType(ContentType.JSON).body(List.of(Map.of("submissionId",
                        UUID.randomUUID().toString(), "campaignId", "alf-2018-2021", "unitId", unitId,
                        "answers", Map.of()))));
        add.accept("survey-service POST /api/imports", "/api/imports?dryRun=true",
                r -> r.contentType("text/csv").body("submissionId,campaignId,unitId,itemId,value,submit\n"
                        + UUID.randomUUID() + ",alf-2018-2021," + unitId + ",3,WHOLE_PERIOD,false\n"));
        add.accept("survey-service GET /api/imports/{id}", "/api/imports/{import}", NONE);
        add.accept("survey-service POST /api/submissions/{id}/submit", "/api/submissions/{submission}/submit", NONE);
        add.accept("survey-service POST /api/submissions/{id}/amendments", "/api/submissions/{submission}/amendments",
                r -> r.contentType(ContentType.JSON).body(Map.of("answers", Map.of())));
        add.accept("survey-service POST /api/submissions/{id}/return", "/api/submissions/{submission}/return",
                r -> r.contentType(ContentType.JSON).body(Map.of("comment", "x")));
        // assessment-service
        add.accept("assessment-service GET /api/assessments", "/api/assessments?regionCode=01", NONE);
        add.accept("assessment-service GET /api/rule-sets/{version}", "/api/rule-sets/2021.1", NONE);
        add.accept("assessment-service POST /api/reviews/{id}/decision", "/api/reviews/{uuid}/decision",
                r -> r.contentType(ContentType.JSON).body(Map.of("decision", "APPROVED", "comment", "ok")));
        add.accept("assessment-service POST /api/rule-sets/{version}/publish", "/api/rule-sets/no-such-version/publish",
                NONE);
        // a rule set upload the checks refuse (no levels): an admin gets 400, nothing is stored
        add.accept("assessment-service PUT /api/rule-sets/{version}", "/api/rule-sets/authz-candidate",
                r -> r.contentType(ContentType.JSON).body(Map.of("version", "authz-candidate")));
        add.accept("assessment-service DELETE /api/rule-sets/{version}", "/api/rule-sets/no-such-version", NONE);
        add.accept("assessment-service GET /api/rule-sets/{from}/diff/{to}", "/api/rule-sets/2021.1/diff/2021.1", NONE);
        add.accept("assessment-service POST /api/rule-sets/{candidate}/simulations",
                "/api/rule-sets/no-such-version/simulations",
                r -> r.contentType(ContentType.JSON).body(Map.of("campaignId", "alf-2018-2021")));
        add.accept("assessment-service GET /api/rule-sets/{candidate}/simulations", "/api/rule-sets/2021.1/simulations",
                NONE);
        add.accept("assessment-service GET /api/remediations", "/api/remediations?regionCode=01", NONE);
        add.accept("assessment-service GET /api/overrides", "/api/overrides?regionCode=01", NONE);
        add.accept("assessment-service POST /api/overrides", "/api/overrides",
                r -> r.contentType(ContentType.JSON).body(Map.of("unitId", "01-AUTHZ-NONE", "campaignId",
                        "alf-2018-2021", "level", 1, "outcome", "MET", "reason", "Platsbesök")));
        add.accept("assessment-service POST /api/overrides/{id}/withdrawal", "/api/overrides/{uuid}/withdrawal",
                r -> r.contentType(ContentType.JSON).body(Map.of("reason", "x")));
        // indicator-service
        add.accept("indicator-service GET /api/values", "/api/values?orgUnit=01", NONE);
        add.accept("indicator-service PUT /api/reference/population/{year}", "/api/reference/population/1999",
                r -> r.contentType(ContentType.JSON).body(List.of(Map.of("regionCode", "01", "value", 1_600_000))));
        add.accept("indicator-service PUT /api/reference/cancer-incidence/{year}",
                "/api/reference/cancer-incidence/1999",
                r -> r.contentType("text/csv").body("regionCode,value\n01,9000\n"));
        add.accept("indicator-service GET /api/reference/population/{year}", "/api/reference/population/1999", NONE);
        add.accept("indicator-service GET /api/reference/cancer-incidence/{year}",
                "/api/reference/cancer-incidence/1999", NONE);
        add.accept("indicator-service GET /api/values/{indicator}/{orgUnit}/{period}",
                "/api/values/ALF-02/SE/alf-2018-2021", NONE);
        // reporting-service
        add.accept("reporting-service GET /api/compliance", "/api/compliance" + campaign, NONE);
        add.accept("reporting-service GET /api/regions/{code}/scorecard", "/api/regions/01/scorecard" + campaign, NONE);
        add.accept("reporting-service GET /api/units/{id}/scorecard", "/api/units/{unit}/scorecard" + campaign, NONE);
        add.accept("reporting-service GET /api/indicators/{code}/series", "/api/indicators/ALF-02/series?orgUnit=SE",
                NONE);
        add.accept("reporting-service GET /api/compliance/cell", "/api/compliance/cell" + campaign
                + "&level=3&regionCode=01", NONE);
        add.accept("reporting-service GET /api/completeness", "/api/completeness" + campaign, NONE);
        add.accept("reporting-service GET /api/remediation", "/api/remediation" + campaign, NONE);
        add.accept("reporting-service GET /api/remediation/units",
                "/api/remediation/units" + campaign + "&regionCode=01", NONE);
        return calls;
    }

    @FunctionalInterface
    private interface BiConsumerCall {
        void accept(String key, String path, Function<RequestSpecification, RequestSpecification> request);
    }

    /** A row without an entry in {@link #calls()}: fresh path variables, region 01 and the campaign, an empty body. */
    private static Call generic(ContractDocument.Endpoint endpoint) {
        String path = endpoint.path().replaceAll("\\{[^}]*}", "{uuid}")
                + "?regionCode=01&campaignId=alf-2018-2021";
        boolean body = endpoint.method().equals("PUT") || endpoint.method().equals("POST");
        return new Call(path, body ? r -> r.contentType(ContentType.JSON).body("{}") : NONE);
    }

    private static Service service(String module) {
        return Arrays.stream(Service.values()).filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service " + module));
    }

    @Test
    void everyOperationTheServicesServeIsInTheTable() {
        List<ContractDocument.Access> table = contract().authorization();
        List<String> missing = new ArrayList<>();
        for (String module : ContractDocument.SERVICES) {
            String document = given().baseUri(suite.url(service(module))).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().asString();
            for (ContractDocument.Operation op : ContractDocument.operations(module, json(document))) {
                if (table.stream().noneMatch(row -> row.endpoint().matches(op.service(), op.method(), op.path()))) {
                    missing.add(op.toString());
                }
            }
        }
        assertThat(missing).as("operations the services serve that the contract's authorization table lacks")
                .isEmpty();
    }

    @Test
    void accessMatchesTheContractExactly() {
        Map<String, List<Call>> calls = calls();
        List<ContractDocument.Access> table = contract().authorization();
        assertThat(table.stream().map(access -> access.endpoint().toString()).toList())
                .as("rows of the contract's table that the calls here are for").containsAll(calls.keySet());
        Map<String, Map<Caller, String>> matrix = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        for (ContractDocument.Access access : table) {
            ContractDocument.Endpoint endpoint = access.endpoint();
            List<Call> ways = calls.getOrDefault(endpoint.toString(), List.of(generic(endpoint)));
            for (Call way : ways) {
                String row = endpoint.service() + " " + endpoint.method() + " " + way.path();
                Map<Caller, String> cells = new LinkedHashMap<>();
                for (Caller caller : Caller.values()) {
                    int status = call(service(endpoint.service()), endpoint.method(), way, caller);
                    boolean denied = status == 401 || status == 403;
                    boolean allowed = access.allowed().contains(caller);
                    String mark = "";
                    if (!allowed && !denied) {
                        mark = " WIDER";
                        violations.add(row + " for " + caller + ": " + status);
                    } else if (allowed && denied) {
                        mark = " NARROWER";
                        violations.add(row + " for " + caller + ": " + status);
                    }
                    cells.put(caller, status + mark);
                }
                matrix.put(row + (ways.size() > 1 ? " #" + (ways.indexOf(way) + 1) : ""), cells);
            }
        }
        print(matrix);
        assertThat(matrix).as("rows called").hasSizeGreaterThan(50);
        assertThat(violations).as("cells that differ from the contract").isEmpty();
    }

    private static ContractDocument contract() {
        return ContractDocument.read(ContractDocument.repositoryRoot());
    }

    private static JsonNode json(String document) {
        try {
            return new ObjectMapper().readTree(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int call(Service service, String method, Call way, Caller caller) {
        String path = way.path().replace("{submission}", submissionId.toString()).replace("{import}", importId)
                .replace("{unit}", unitId).replace("{uuid}", UUID.randomUUID().toString())
                .replace("{random}", UUID.randomUUID().toString().substring(0, 8));
        RequestSpecification request = way.request().apply(given().baseUri(suite.url(service)));
        String token = switch (caller) {
            case NO_TOKEN -> null;
            case REPORTER_OWN -> tokens.region("01");
            case REPORTER_OTHER -> tokens.region("03");
            case ASSESSOR -> tokens.user("assessor");
            case MONITOR -> tokens.nationalMonitor();
            case VIEWER -> tokens.user("viewer");
            case ADMIN -> tokens.user("admin");
        };
        if (path.startsWith("/api/stream")) {
            return streamStatus(suite.url(service) + path, token);
        }
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.request(method, path).statusCode();
    }

    /** The status of a server-sent event stream, read from the response head; the stream is then closed. */
    private static int streamStatus(String url, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void print(Map<String, Map<Caller, String>> matrix) {
        StringBuilder out = new StringBuilder("AUTHORIZATION MATRIX (status per caller; region 01 owns the data)\n");
        out.append(String.format("%-100s", "endpoint"));
        for (Caller caller : Caller.values()) {
            out.append(String.format("%-16s", caller));
        }
        out.append('\n');
        matrix.forEach((row, cells) -> {
            out.append(String.format("%-100s", row));
            cells.values().forEach(cell -> out.append(String.format("%-16s", cell)));
            out.append('\n');
        });
        System.out.print(out);
    }
}
