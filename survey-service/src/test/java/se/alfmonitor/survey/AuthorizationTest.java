package se.alfmonitor.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import se.alfmonitor.testing.Tokens;

/** Every endpoint: no token 401, a role it does not allow 403, another region's data 403. */
@QuarkusTest
class AuthorizationTest {

    private record Call(String method, String path, Object body, String contentType) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        static Call send(String method, String path, Object body) {
            return new Call(method, path, body, ContentType.JSON.toString());
        }
    }

    private static final String NO_ROLE = Tokens.token("nobody", Set.of(), null);

    @Test
    void everyEndpointNeedsATokenAndAnAllowedRole() {
        String unit = Api.unit("01");
        UUID id = Api.submitted("01", unit);
        Object draft = Map.of("campaignId", Api.ALF, "unitId", unit, "answers", Map.of());
        Object campaign = Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31");

        Map<Call, List<String>> forbidden = Map.ofEntries(
                Map.entry(Call.get("/api/regions"), List.of(NO_ROLE)),
                Map.entry(Call.get("/api/units"), List.of(NO_ROLE)),
                Map.entry(Call.send("PUT", "/api/units/01-NOPE", Map.of("name", "x", "regionCode", "01",
                        "directPatientContact", true)), List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer(),
                                NO_ROLE)),
                Map.entry(Call.get("/api/units/" + unit + "/history"), List.of(Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.get("/api/campaigns/alf-2018-2021/history"), List.of(Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.get("/api/questionnaires"), List.of(NO_ROLE)),
                Map.entry(Call.get("/api/questionnaires/alf-usve/2021"), List.of(NO_ROLE)),
                Map.entry(Call.get("/api/campaigns"), List.of(NO_ROLE)),
                Map.entry(Call.get("/api/campaigns/alf-2018-2021"), List.of(NO_ROLE)),
                Map.entry(Call.send("PUT", "/api/campaigns/test-nope", campaign),
                        List.of(Tokens.reporter("01"), Tokens.assessor(), Tokens.monitor(), Tokens.viewer())),
                Map.entry(Call.send("POST", "/api/campaigns/test-nope/lock", null),
                        List.of(Tokens.reporter("01"), Tokens.assessor(), Tokens.monitor(), Tokens.viewer())),
                Map.entry(Call.send("PUT", "/api/submissions/" + UUID.randomUUID(), draft),
                        List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.send("POST", "/api/submissions/" + id + "/submit", null),
                        List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer())),
                Map.entry(Call.send("POST", "/api/submissions/" + id + "/amendments", Map.of("answers", Map.of())),
                        List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer())),
                Map.entry(Call.send("POST", "/api/submissions/" + id + "/return", Map.of("comment", "x")),
                        List.of(Tokens.reporter("01"), Tokens.monitor(), Tokens.viewer(), Tokens.admin())),
                Map.entry(Call.send("POST", "/api/submissions/validate", draft),
                        List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer())),
                Map.entry(Call.get("/api/submissions/" + id), List.of(Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.get("/api/submissions"), List.of(Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.get("/api/submissions/" + id + "/history"), List.of(Tokens.viewer(), NO_ROLE)),
                Map.entry(Call.get("/api/submissions/" + id + "/revisions"), List.of(Tokens.viewer())),
                Map.entry(Call.get("/api/submissions/" + id + "/revisions/1"), List.of(Tokens.viewer())),
                Map.entry(Call.send("POST", "/api/imports", List.of()),
                        List.of(Tokens.assessor(), Tokens.monitor(), Tokens.viewer())));

        List<String> failures = new ArrayList<>();
        forbidden.forEach((call, tokens) -> {
            int anonymous = request(call, null);
            if (anonymous != 401) {
                failures.add(call + " without token: " + anonymous);
            }
            for (String token : tokens) {
                int status = request(call, token);
                if (status != 403) {
                    failures.add(call + " with a forbidden role: " + status);
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void aReporterNeverSeesOrTouchesAnotherRegionsSubmissions() {
        String unit = Api.unit("01");
        UUID id = Api.submitted("01", unit);
        String other = Tokens.reporter("03");
        List<Call> calls = List.of(
                Call.get("/api/units?regionCode=01"),
                Call.send("PUT", "/api/units/" + unit, Map.of("name", "Taken over", "regionCode", "03",
                        "directPatientContact", true)),
                Call.send("PUT", "/api/units/" + unit, Map.of("name", "Taken over", "regionCode", "01",
                        "directPatientContact", true)),
                Call.get("/api/units/" + unit + "/history"),
                Call.send("PUT", "/api/submissions/" + UUID.randomUUID(),
                        Map.of("campaignId", Api.ALF, "unitId", unit, "answers", Map.of())),
                Call.send("PUT", "/api/submissions/" + id,
                        Map.of("campaignId", Api.ALF, "unitId", unit, "answers", Map.of())),
                Call.send("POST", "/api/submissions/" + id + "/submit", null),
                Call.send("POST", "/api/submissions/" + id + "/amendments",
                        Map.of("answers", Fixtures.completeAlfUsve())),
                Call.send("POST", "/api/submissions/validate",
                        Map.of("campaignId", Api.ALF, "unitId", unit, "answers", Fixtures.completeAlfUsve())),
                Call.get("/api/submissions/" + id),
                Call.get("/api/submissions?regionCode=01"),
                Call.get("/api/submissions/" + id + "/history"),
                Call.get("/api/submissions/" + id + "/revisions"),
                Call.get("/api/submissions/" + id + "/revisions/1"));
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            int status = request(call, other);
            if (status != 403) {
                failures.add(call + ": " + status);
            }
        }
        assertThat(failures).isEmpty();
        // and nothing changed
        given().auth().oauth2(Tokens.reporter("01")).get("/api/submissions/{id}", id)
                .then().statusCode(200).body("revision", org.hamcrest.Matchers.equalTo(1));
        // a reporter token without a region claim is refused as well
        given().auth().oauth2(Tokens.token("no-region", Set.of("reporter"), null))
                .get("/api/submissions/{id}", id)
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("REGION_CLAIM_MISSING"));
    }

    private static int request(Call call, String token) {
        RequestSpecification spec = given();
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        if (call.body() != null) {
            spec = spec.contentType(call.contentType()).body(call.body());
        }
        return spec.request(call.method(), call.path()).statusCode();
    }
}
