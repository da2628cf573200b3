package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.HostileCase.Caller;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The hostile input corpus ({@link HostileCorpus}) against the running services, with tokens from the real realm.
 * Every case must get its status and stable problem code, as {@code application/problem+json}, never a 5xx; and
 * nothing may be stored: the state every write endpoint could touch is read through the public API before and after
 * each case and must be unchanged. A summary (cases per endpoint and per status) is printed.
 *
 * <p>The suite's own fixtures (units, a draft, a submitted and a locked submission, a closed and a locked campaign, a
 * pending review, reference statistics for {@value #YEAR}) are created here, so the class depends on no other.
 */
@Order(3)
class HostileInputIT extends AgainstRunningSuite {

    static final int YEAR = 1901;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Fixture fixture;
    private static final Map<String, Integer> PER_ENDPOINT = new TreeMap<>();
    private static final Map<Integer, Integer> PER_STATUS = new TreeMap<>();
    private static final Map<String, Integer> SERVER_ERRORS = new ConcurrentHashMap<>();
    private static final List<String> FAILED = new ArrayList<>();

    /** The placeholders a case may use, filled in per case so that {@code {new}} ids are fresh. */
    record Fixture(Map<String, String> values, String completeAnswers) {

        Fixture forCase() {
            Map<String, String> fresh = new HashMap<>(values);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            fresh.put("new", UUID.randomUUID().toString());
            fresh.put("newUnit", "01-HOSTILE-NEW-" + suffix);
            fresh.put("newCampaign", "hostile-new-" + suffix);
            return new Fixture(fresh, completeAnswers);
        }

        String fill(String template) {
            String filled = template;
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
            return filled;
        }

        /**
         * An amendment of the complete answer set with {@code item} set to {@code rawValue}, written into the JSON as
         * it is (so that numbers such as 1e400 reach the service unparsed).
         */
        String amendment(String item, String rawValue, String expectedRevision) {
            try {
                ObjectNode rest = (ObjectNode) JSON.readTree(completeAnswers);
                rest.remove(item);
                String others = JSON.writeValueAsString(rest);
                String answers = "{" + JSON.writeValueAsString(item) + ": " + rawValue
                        + (rest.isEmpty() ? "}" : ", " + others.substring(1));
                return "{" + (expectedRevision == null ? "" : "\"expectedRevision\": " + expectedRevision + ", ")
                        + "\"answers\": " + answers + "}";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    static void createFixtures() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> values = new LinkedHashMap<>();
        String unit = registerUnit("01-HOSTILE-SUB-" + suffix, "01", "Fientlighetskliniken");
        String draftUnit = registerUnit("01-HOSTILE-DRAFT-" + suffix, "01", "Utkastkliniken");
        String lockedUnit = registerUnit("01-HOSTILE-LOCK-" + suffix, "01", "Låsta kliniken");
        String spareUnit = registerUnit("01-HOSTILE-SPARE-" + suffix, "01", "Reservkliniken");
        String otherUnit = registerUnit("03-HOSTILE-OTHER-" + suffix, "03", "Uppsalakliniken");
        String lockedCampaign = "hostile-locked-" + suffix;
        String closedCampaign = "hostile-closed-" + suffix;
        putCampaign(lockedCampaign, "OPEN");
        putCampaign(closedCampaign, "CLOSED");
        Map<String, Object> complete = Fixtures.completeAlfUsve();

        UUID sub = UUID.randomUUID();
        draft(sub, "alf-2018-2021", unit, complete, 201);
        submit(sub);
        UUID draft = UUID.randomUUID();
        draft(draft, "alf-2018-2021", draftUnit, Map.of("3", "WHOLE_PERIOD"), 201);
        UUID lockedSub = UUID.randomUUID();
        draft(lockedSub, lockedCampaign, lockedUnit, complete, 201);
        submit(lockedSub);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                .post("/api/campaigns/{id}/lock", lockedCampaign).then().statusCode(200);
        for (String kind : List.of("population", "cancer-incidence")) {
            given().baseUri(suite.url(Service.INDICATOR)).auth().oauth2(tokens.nationalMonitor())
                    .contentType(ContentType.JSON).body(List.of(Map.of("regionCode", "01", "value", 1000)))
                    .put("/api/reference/{kind}/{year}", kind, YEAR).then().statusCode(200);
        }
        // the free-text examples of a complete submission wait for an assessor
        String[] review = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<String> ids = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                    .queryParam("unitId", unit).queryParam("status", "PENDING").get("/api/reviews")
                    .then().statusCode(200).extract().jsonPath().getList("id", String.class);
            review[0] = ids.isEmpty() ? null : ids.get(0);
            return review[0] != null;
        });

        values.putAll(assessmentFixtures(unit, suffix));
        values.put("sub", sub.toString());
        values.put("draft", draft.toString());
        values.put("lockedSub", lockedSub.toString());
        values.put("unit", unit);
        values.put("draftUnit", draftUnit);
        values.put("lockedUnit", lockedUnit);
        values.put("spareUnit", spareUnit);
        values.put("otherUnit", otherUnit);
        values.put("lockedCampaign", lockedCampaign);
        values.put("closedCampaign", closedCampaign);
        values.put("review", review[0]);
        values.put("year", String.valueOf(YEAR));
        fixture = new Fixture(Map.copyOf(values), JSON.writeValueAsString(complete));
        awaitSettled();
    }

    /**
     * A site-visit override in force on the submitted unit, and a rule-set draft with the bodies the rule-set cases
     * send: the draft itself, one naming another version, one with a broken expression, one without level 27, and
     * the published 2021.1 as it is.
     */
    private static Map<String, String> assessmentFixtures(String unit, String suffix) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("override", given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                .contentType(ContentType.JSON).body(Map.of("unitId", unit, "campaignId", "alf-2018-2021", "level", 2,
                        "outcome", "NOT_MET", "reason", "Platsbesök visade brister"))
                .post("/api/overrides").then().statusCode(201).extract().path("override.id"));
        ObjectNode published = (ObjectNode) JSON.readTree(given().baseUri(suite.url(Service.ASSESSMENT))
                .auth().oauth2(tokens.user("admin")).get("/api/rule-sets/2021.1").then().statusCode(200).extract()
                .asString());
        published.remove(List.of("status", "active"));
        String version = "hostile-" + suffix;
        ObjectNode draft = published.deepCopy().put("version", version);
        given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(draft))
                .put("/api/rule-sets/{version}", version).then().statusCode(201);
        ObjectNode brokenCel = draft.deepCopy();
        ((ObjectNode) brokenCel.withArray("levels").get(2)).put("met", "answers['6a'] ==");
        ObjectNode levelMissing = draft.deepCopy();
        levelMissing.withArray("levels").remove(26);
        values.put("ruleDraft", version);
        values.put("ruleDraftBody", JSON.writeValueAsString(draft));
        values.put("ruleDraftOther", JSON.writeValueAsString(draft.deepCopy().put("version", "other-" + suffix)));
        values.put("ruleDraftBrokenCel", JSON.writeValueAsString(brokenCel));
        values.put("ruleDraftLevelMissing", JSON.writeValueAsString(levelMissing));
        values.put("ruleSetPublished", JSON.writeValueAsString(published));
        return values;
    }

    /**
     * The fixtures' submissions and the override flow on to assessments, indicators and reporting: the cases start
     * once reporting-service shows the unit's assessment as overridden (version 2) and two readings of the whole
     * state, two seconds apart, agree.
     */
    private static void awaitSettled() {
        String unit = fixture.values().get("unit");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("admin"))
                .queryParam("campaignId", "alf-2018-2021").get("/api/units/{id}/scorecard", unit)
                .then().statusCode(200).body("version", equalTo(2)));
        String[] last = { null };
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            String now = state();
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedWithAStableProblemAndStoresNothing() {
        List<HostileCase> corpus = HostileCorpus.all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus.stream().map(HostileCase::name).distinct().count()).isEqualTo(corpus.size());
        return corpus.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(HostileCase c) throws Exception {
        Fixture f = fixture.forCase();
        String before = state();
        Answer answer = send(c, f);
        String after = state();
        record(c, answer);

        String seen = " (got " + answer.status() + " " + answer.contentType() + ": " + abbreviate(answer.body())
                + ")";
        assertThat(answer.status()).as("status" + seen).isEqualTo(c.status());
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            body = JSON.missingNode();
        }
        if (c.expect() == HostileCase.Expect.PROBLEM) {
            assertThat(answer.contentType()).as("content type" + seen).startsWith("application/problem+json");
            assertThat(body.path("status").asInt()).as("problem status" + seen).isEqualTo(c.status());
            assertThat(body.path("code").asText()).as("problem code" + seen).isEqualTo(c.code());
            assertThat(body.path("title").asText()).as("problem title" + seen).isNotBlank();
            List<String> codes = new ArrayList<>();
            body.path("errors").forEach(e -> codes.add(e.path("code").asText()));
            assertThat(codes).as("error codes" + seen).containsAll(c.errorCodes());
        } else {
            assertThat(answer.contentType()).as("content type" + seen).startsWith("application/json");
            assertThat(body.path("imported").asInt()).as("imported" + seen).isZero();
            assertThat(body.path("updated").asInt()).as("updated" + seen).isZero();
            assertThat(body.path("rejected").asInt()).as("rejected" + seen).isPositive();
            List<String> codes = new ArrayList<>();
            body.path("conflicts").forEach(r -> r.path("errors").forEach(e -> codes.add(e.path("code").asText())));
            assertThat(codes).as("row error codes" + seen).containsAll(c.errorCodes());
        }
        assertThat(after).as("state read through the API after the request").isEqualTo(before);
    }

    /**
     * Valid text that looks like markup or a formula is stored and served as it is, and the CSV exports put a
     * {@code '} before a leading {@code = + - @}, so spreadsheets show it as text. That a page shows such text as
     * text, never as markup, is proved in a real browser ({@code DashboardBrowserIT}).
     */
    @Test
    void scriptAndFormulaTextIsStoredVerbatimAndNeutralisedInCsv() throws Exception {
        String script = "</script><script>alert(\"x\")</script> <img src=x onerror=alert('y')> & \\ \u2028";
        String formula = "=HYPERLINK(\"http://evil.example\",\"klicka\") <b>fet</b>";
        String unit = registerUnit("01-HOSTILE-TEXT-" + UUID.randomUUID().toString().substring(0, 6), "01",
                formula);
        Map<String, Object> answers = new LinkedHashMap<>(Fixtures.completeAlfUsve());
        answers.put("explanation4a", script);
        answers.put("3", "NEJ"); // level 1 not met, so the unit appears in the remediation export
        UUID id = UUID.randomUUID();
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(Service.SURVEY)
                + "/api/submissions/" + id)).header("Authorization", "Bearer " + tokens.region("01"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("campaignId",
                        "alf-2018-2021", "unitId", unit, "answers", answers))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(put.body()).path("answers").path("explanation4a").asText()).isEqualTo(script);
        submit(id);

        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                .queryParam("regionCode", "01").get("/api/units").then().statusCode(200).contentType(ContentType.JSON)
                .body("find { it.id == '" + unit + "' }.name", equalTo(formula));

        String[] csv = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            csv[0] = given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.region("01"))
                    .accept("text/csv").queryParam("campaignId", "alf-2018-2021").queryParam("regionCode", "01")
                    .get("/api/remediation/units").then().statusCode(200).extract().asString();
            return csv[0].contains(unit);
        });
        List<String> lines = csv[0].lines().filter(l -> l.contains(unit)).toList();
        System.out.printf("HOSTILE text: stored and served verbatim; remediation CSV line: %s%n",
                lines.get(0));
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"")
                .doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK"));
    }

    @AfterAll
    static void printSummary() {
        StringBuilder out = new StringBuilder("HOSTILE INPUT CORPUS: ")
                .append(PER_ENDPOINT.values().stream().mapToInt(Integer::intValue).sum()).append(" cases, ")
                .append(SERVER_ERRORS.size()).append(" answered 5xx, ").append(FAILED.size())
                .append(" not as expected\n");
        out.append(String.format("%-70s %6s%n", "endpoint", "cases"));
        PER_ENDPOINT.forEach((endpoint, n) -> out.append(String.format("%-70s %6d%n", endpoint, n)));
        out.append("per status:");
        PER_STATUS.forEach((status, n) -> out.append(' ').append(status).append('=').append(n));
        out.append('\n');
        SERVER_ERRORS.forEach((name, status) -> out.append("  5xx: ").append(name).append(" -> ").append(status)
                .append('\n'));
        FAILED.forEach(name -> out.append("  not as expected: ").append(name).append('\n'));
        System.out.print(out);
    }

    private static synchronized void record(HostileCase c, Answer answer) {
        PER_ENDPOINT.merge(c.endpoint(), 1, Integer::sum);
        PER_STATUS.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500 || answer.status() < 0) {
            SERVER_ERRORS.put(c.name(), answer.status());
        }
        if (answer.status() != c.status()) {
            FAILED.add(c.name() + " (expected " + c.status() + ", got " + answer.status() + ")");
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private static Answer send(HostileCase c, Fixture f) throws InterruptedException {
        String path = f.fill(c.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(c.service()) + path))
                .timeout(Duration.ofSeconds(60));
        byte[] body = c.body() == null ? null : c.body().apply(f);
        request.method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (c.contentType() != null && body != null) {
            request.header("Content-Type", c.contentType());
        }
        String token = token(c.caller());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        c.headers().forEach((name, value) -> request.header(name, f.fill(value)));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, "", "connection failed: " + e);
        }
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case REPORTER_01 -> tokens.region("01");
            case REPORTER_03 -> tokens.region("03");
            case ASSESSOR -> tokens.user("assessor");
            case MONITOR -> tokens.nationalMonitor();
            case VIEWER -> tokens.user("viewer");
            case ADMIN -> tokens.user("admin");
        };
    }

    /**
     * Everything a hostile write could have touched, read through the public APIs: the fixture submissions with
     * their history and revisions, the number of submissions, the unit registry, the campaigns, the reference
     * statistics, the pending review and its audit, the rule sets in force, the rule-set draft and its simulations,
     * the unit's overrides and assessments, and what the other services derived from the fixture units: indicator
     * values (indicator-service) and unit scorecards (reporting-service's read model).
     */
    private static String state() {
        Map<String, String> f = fixture.values();
        StringBuilder state = new StringBuilder();
        String admin = tokens.user("admin");
        for (String id : List.of(f.get("sub"), f.get("draft"), f.get("lockedSub"))) {
            for (String suffix : List.of("", "/history", "/revisions")) {
                state.append(read(Service.SURVEY, "/api/submissions/" + id + suffix, admin));
            }
        }
        state.append(read(Service.SURVEY, "/api/submissions?size=1", admin).replaceAll("\"items\":\\[.*?\\]", ""));
        state.append(read(Service.SURVEY, "/api/units", admin));
        state.append(read(Service.SURVEY, "/api/campaigns", admin));
        for (String kind : List.of("population", "cancer-incidence")) {
            state.append(read(Service.INDICATOR, "/api/reference/" + kind + "/" + YEAR, tokens.nationalMonitor()));
        }
        state.append(read(Service.ASSESSMENT, "/api/reviews?unitId=" + f.get("unit"), tokens.user("assessor")));
        state.append(read(Service.ASSESSMENT, "/api/reviews/" + f.get("review") + "/audit",
                tokens.user("assessor")));
        state.append(read(Service.ASSESSMENT, "/api/rule-sets", admin));
        state.append(read(Service.ASSESSMENT, "/api/rule-sets/" + f.get("ruleDraft"), admin));
        for (String version : List.of(f.get("ruleDraft"), "2021.1")) {
            state.append(read(Service.ASSESSMENT, "/api/rule-sets/" + version + "/simulations", admin));
        }
        state.append(read(Service.ASSESSMENT, "/api/overrides?unitId=" + f.get("unit"), tokens.user("assessor")));
        for (String unit : List.of(f.get("unit"), f.get("lockedUnit"))) {
            state.append(read(Service.ASSESSMENT, "/api/assessments?unitId=" + unit, admin));
            state.append(read(Service.INDICATOR, "/api/values?orgUnit=" + unit, tokens.nationalMonitor()));
        }
        state.append(read(Service.REPORTING, "/api/units/" + f.get("unit") + "/scorecard?campaignId=alf-2018-2021",
                admin));
        state.append(read(Service.REPORTING, "/api/units/" + f.get("lockedUnit") + "/scorecard?campaignId="
                + f.get("lockedCampaign"), admin));
        return state.toString();
    }

    private static String read(Service service, String path, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
            return service.module + path + " " + response.body() + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String registerUnit(String id, String region, String name) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", region, "directPatientContact", true, "designatedYear", 2016))
                .put("/api/units/{id}", id).then().statusCode(201);
        return id;
    }

    private static void putCampaign(String id, String status) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"), "periodStart",
                        "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31", "status", status))
                .put("/api/campaigns/{id}", id).then().statusCode(201);
    }

    private static void draft(UUID id, String campaign, String unit, Map<String, Object> answers, int status) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "unitId", unit, "answers", answers))
                .put("/api/submissions/{id}", id).then().statusCode(status);
    }

    private static void submit(UUID id) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                .post("/api/submissions/{id}/submit", id).then().statusCode(200);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
