package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Every endpoint of every service × every caller, with tokens from the real realm, against the contract's table.
 * A cell is a violation when access is wider than the contract allows (the caller should get 401 or 403 but does
 * not) or narrower (an allowed caller gets 401 or 403). The matrix is printed.
 *
 * <p>Allowed callers may still get 404, 409 or 422 (the addressed thing is missing or in another state): the matrix
 * is about who gets past authorization. The streaming endpoint {@code /api/stream} is judged by the status of its
 * response head; the stream itself is then closed.
 */
@Order(2)
class AuthorizationMatrixIT extends AgainstRunningSuite {

    /** The callers of the matrix; region 01 owns the resources the endpoints address. */
    enum Caller {
        NO_TOKEN, REPORTER_OWN, REPORTER_OTHER, ASSESSOR, MONITOR, VIEWER, ADMIN
    }

    private static final Set<Caller> ANY_ROLE = EnumSet.complementOf(EnumSet.of(Caller.NO_TOKEN));
    private static final Set<Caller> ANY_ROLE_OWN_REGION = EnumSet.complementOf(EnumSet.of(Caller.NO_TOKEN,
            Caller.REPORTER_OTHER));
    private static final Set<Caller> READERS_OWN = EnumSet.of(Caller.REPORTER_OWN, Caller.ASSESSOR, Caller.MONITOR,
            Caller.ADMIN);
    private static final Set<Caller> WRITERS_OWN = EnumSet.of(Caller.REPORTER_OWN, Caller.ADMIN);

    record Endpoint(Service service, String method, String path, Set<Caller> allowed,
            Function<RequestSpecification, RequestSpecification> request) {
    }

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

    private static List<Endpoint> endpoints() {
        Function<RequestSpecification, RequestSpecification> none = r -> r;
        Map<String, Object> draft = Map.of("campaignId", "alf-2018-2021", "unitId", unitId, "answers", Map.of());
        Function<RequestSpecification, RequestSpecification> draftBody = r -> r.contentType(ContentType.JSON)
                .body(draft);
        String campaign = "?campaignId=alf-2018-2021";
        List<Endpoint> list = new ArrayList<>();
        // survey-service
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/regions", ANY_ROLE, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/units?regionCode=01", ANY_ROLE_OWN_REGION, none));
        list.add(new Endpoint(Service.SURVEY, "PUT", "/api/units/01-AUTHZ-NEW-{random}", EnumSet.of(Caller.ADMIN),
                r -> r.contentType(ContentType.JSON).body(Map.of("name", "Ny", "regionCode", "01",
                        "directPatientContact", true))));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/questionnaires", ANY_ROLE, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/questionnaires/alf-usve/2021", ANY_ROLE, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/campaigns", ANY_ROLE, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/campaigns/alf-2018-2021", ANY_ROLE, none));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/campaigns/no-such-campaign/lock",
                EnumSet.of(Caller.ADMIN), none));
        list.add(new Endpoint(Service.SURVEY, "PUT", "/api/submissions/{submission}", WRITERS_OWN, draftBody));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/submissions/validate", WRITERS_OWN, draftBody));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/submissions/{submission}", READERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/submissions?regionCode=01", READERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/submissions/{submission}/history", READERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/submissions/{submission}/revisions", READERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/submissions/{submission}/revisions/1", READERS_OWN,
                none));
        list.add(new Endpoint(Service.SURVEY, "PUT", "/api/campaigns/research-1999", EnumSet.of(Caller.ADMIN),
                r -> r.contentType(ContentType.JSON).body(Map.of("questionnaire",
                        Map.of("key", "regional-research", "version", "2021"), "periodStart", "1999-01-01",
                        "periodEnd", "1999-12-31", "referenceDate", "1999-12-31", "status", "CLOSED"))));
        // an import is open to every reporter; each row is then checked against the caller's region (rows of another
        // region are rejected in the summary with OTHER_REGION, as survey-service's tests show), so nothing is
        // stored for the other region's reporter
        Set<Caller> importers = EnumSet.of(Caller.REPORTER_OWN, Caller.REPORTER_OTHER, Caller.ADMIN);
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/imports?dryRun=true", importers,
                r -> r.contentType(ContentType.JSON).body(List.of(Map.of("submissionId",
                        UUID.randomUUID().toString(), "campaignId", "alf-2018-2021", "unitId", unitId,
                        "answers", Map.of())))));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/imports?dryRun=true", importers,
                r -> r.contentType("text/csv").body("submissionId,campaignId,unitId,itemId,value,submit\n"
                        + UUID.randomUUID() + ",alf-2018-2021," + unitId + ",3,WHOLE_PERIOD,false\n")));
        list.add(new Endpoint(Service.SURVEY, "GET", "/api/imports/{import}", READERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/submissions/{submission}/submit", WRITERS_OWN, none));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/submissions/{submission}/amendments", WRITERS_OWN,
                r -> r.contentType(ContentType.JSON).body(Map.of("answers", Map.of()))));
        list.add(new Endpoint(Service.SURVEY, "POST", "/api/submissions/{submission}/return",
                EnumSet.of(Caller.ASSESSOR), r -> r.contentType(ContentType.JSON).body(Map.of("comment", "x"))));
        // assessment-service
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/assessments?regionCode=01", READERS_OWN, none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets", ANY_ROLE, none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets/2021.1", ANY_ROLE, none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/reviews", EnumSet.of(Caller.ASSESSOR, Caller.ADMIN),
                none));
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/reviews/{uuid}/decision",
                EnumSet.of(Caller.ASSESSOR), r -> r.contentType(ContentType.JSON)
                        .body(Map.of("decision", "APPROVED", "comment", "ok"))));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/reviews/{uuid}/audit",
                EnumSet.of(Caller.ASSESSOR, Caller.ADMIN), none));
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/rule-sets/no-such-version/publish",
                EnumSet.of(Caller.ADMIN), none));
        // a rule set upload the checks refuse (no levels): an admin gets 400, nothing is stored
        list.add(new Endpoint(Service.ASSESSMENT, "PUT", "/api/rule-sets/authz-candidate", EnumSet.of(Caller.ADMIN),
                r -> r.contentType(ContentType.JSON).body(Map.of("version", "authz-candidate"))));
        list.add(new Endpoint(Service.ASSESSMENT, "DELETE", "/api/rule-sets/no-such-version",
                EnumSet.of(Caller.ADMIN), none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets/2021.1/diff/2021.1", ANY_ROLE, none));
        Set<Caller> simulators = EnumSet.of(Caller.ASSESSOR, Caller.MONITOR, Caller.ADMIN);
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/rule-sets/no-such-version/simulations", simulators,
                r -> r.contentType(ContentType.JSON).body(Map.of("campaignId", "alf-2018-2021"))));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets/2021.1/simulations", simulators, none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets/2021.1/simulations/{uuid}", simulators,
                none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/rule-sets/2021.1/simulations/{uuid}/changes.csv",
                simulators, none));
        list.add(new Endpoint(Service.ASSESSMENT, "DELETE", "/api/rule-sets/2021.1/simulations/{uuid}",
                EnumSet.of(Caller.ADMIN), none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/remediations?regionCode=01", READERS_OWN, none));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/overrides?regionCode=01", READERS_OWN, none));
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/overrides", EnumSet.of(Caller.ASSESSOR),
                r -> r.contentType(ContentType.JSON).body(Map.of("unitId", "01-AUTHZ-NONE", "campaignId",
                        "alf-2018-2021", "level", 1, "outcome", "MET", "reason", "Platsbesök"))));
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/overrides/{uuid}/withdrawal",
                EnumSet.of(Caller.ASSESSOR), r -> r.contentType(ContentType.JSON).body(Map.of("reason", "x"))));
        list.add(new Endpoint(Service.ASSESSMENT, "GET", "/api/admin/consistency",
                EnumSet.of(Caller.MONITOR, Caller.ADMIN), none));
        list.add(new Endpoint(Service.ASSESSMENT, "POST", "/api/admin/consistency/repair", EnumSet.of(Caller.ADMIN),
                none));
        // indicator-service
        list.add(new Endpoint(Service.INDICATOR, "GET", "/api/indicators", ANY_ROLE, none));
        list.add(new Endpoint(Service.INDICATOR, "GET", "/api/values?orgUnit=01",
                EnumSet.of(Caller.VIEWER, Caller.MONITOR, Caller.ADMIN), none));
        list.add(new Endpoint(Service.INDICATOR, "GET", "/api/feed", EnumSet.of(Caller.MONITOR, Caller.ADMIN),
                none));
        list.add(new Endpoint(Service.INDICATOR, "PUT", "/api/reference/population/1999",
                EnumSet.of(Caller.MONITOR, Caller.ADMIN), r -> r.contentType(ContentType.JSON)
                        .body(List.of(Map.of("regionCode", "01", "value", 1_600_000)))));
        list.add(new Endpoint(Service.INDICATOR, "PUT", "/api/reference/cancer-incidence/1999",
                EnumSet.of(Caller.MONITOR, Caller.ADMIN), r -> r.contentType("text/csv")
                        .body("regionCode,value\n01,9000\n")));
        list.add(new Endpoint(Service.INDICATOR, "GET", "/api/reference/population/1999",
                EnumSet.of(Caller.MONITOR, Caller.ADMIN), none));
        list.add(new Endpoint(Service.INDICATOR, "GET", "/api/values/ALF-02/SE/alf-2018-2021",
                EnumSet.of(Caller.VIEWER, Caller.MONITOR, Caller.ADMIN), none));
        list.add(new Endpoint(Service.INDICATOR, "POST", "/api/recompute", EnumSet.of(Caller.ADMIN), none));
        // reporting-service
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/compliance" + campaign, ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/compliance/campaigns", ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/compliance/cell" + campaign + "&level=3&regionCode=01",
                READERS_OWN, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/regions/01/scorecard" + campaign, ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/units/{unit}/scorecard" + campaign, READERS_OWN,
                none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/indicators/ALF-02/series?orgUnit=SE", ANY_ROLE,
                none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/indicators", ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/completeness" + campaign, ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/remediation" + campaign, ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/remediation/units" + campaign + "&regionCode=01",
                READERS_OWN, none));
        list.add(new Endpoint(Service.REPORTING, "GET", "/api/stream", ANY_ROLE, none));
        list.add(new Endpoint(Service.REPORTING, "POST", "/api/admin/rebuild", EnumSet.of(Caller.ADMIN), none));
        return list;
    }

    @Test
    void accessMatchesTheContractExactly() {
        Map<String, Map<Caller, String>> matrix = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String row = endpoint.service().module + " " + endpoint.method() + " " + endpoint.path();
            Map<Caller, String> cells = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                int status = call(endpoint, caller);
                boolean denied = status == 401 || status == 403;
                boolean allowed = endpoint.allowed().contains(caller);
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
            matrix.put(row, cells);
        }
        print(matrix);
        assertThat(violations).as("cells that differ from the contract").isEmpty();
    }

    private static int call(Endpoint endpoint, Caller caller) {
        String path = endpoint.path().replace("{submission}", submissionId.toString()).replace("{import}", importId)
                .replace("{unit}", unitId).replace("{uuid}", UUID.randomUUID().toString())
                .replace("{random}", UUID.randomUUID().toString().substring(0, 8));
        RequestSpecification request = endpoint.request().apply(given().baseUri(suite.url(endpoint.service())));
        String token = switch (caller) {
            case NO_TOKEN -> null;
            case REPORTER_OWN -> tokens.region("01");
            case REPORTER_OTHER -> tokens.region("03");
            case ASSESSOR -> tokens.user("assessor");
            case MONITOR -> tokens.nationalMonitor();
            case VIEWER -> tokens.user("viewer");
            case ADMIN -> tokens.user("admin");
        };
        if (path.equals("/api/stream")) {
            return streamStatus(suite.url(endpoint.service()) + path, token);
        }
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.request(endpoint.method(), path).statusCode();
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
        out.append(String.format("%-75s", "endpoint"));
        for (Caller caller : Caller.values()) {
            out.append(String.format("%-16s", caller));
        }
        out.append('\n');
        matrix.forEach((row, cells) -> {
            out.append(String.format("%-75s", row));
            cells.values().forEach(cell -> out.append(String.format("%-16s", cell)));
            out.append('\n');
        });
        System.out.print(out);
    }
}
