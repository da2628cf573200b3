package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.e2e.Suite.Service;

/**
 * The edge of every service as production runs it (the packaged services, the real Keycloak realm): a token is taken
 * only if it was issued for the service, and only health and the OpenAPI document are anonymous.
 */
class TokenEdgesIT extends AgainstRunningSuite {

    /** One endpoint per service that an admin may read. */
    private static final Map<Service, String> ADMIN_READABLE = Map.of(
            Service.SURVEY, "/api/regions",
            Service.ASSESSMENT, "/api/rule-sets",
            Service.INDICATOR, "/api/indicators",
            Service.REPORTING, "/api/compliance?campaignId=alf-2018-2021");

    @Test
    void aValidTokenOfTheRealmIssuedForAnotherClientIsRefusedByEveryService() throws Exception {
        String other = tokens.otherClient();
        JsonNode claims = claims(other);
        assertThat(claims.path("iss").asText()).endsWith("/realms/alf-monitor");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"admin\"");
        assertThat(claims.path("aud").toString()).doesNotContain("-service");
        assertThat(claims(tokens.user("admin")).path("aud").toString())
                .contains("survey-service", "assessment-service", "indicator-service", "reporting-service");
        for (Map.Entry<Service, String> endpoint : ADMIN_READABLE.entrySet()) {
            String url = suite.url(endpoint.getKey()) + endpoint.getValue();
            given().auth().oauth2(tokens.user("admin")).get(url).then().statusCode(200);
            given().auth().oauth2(other).get(url).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void onlyHealthAndTheOpenApiDocumentAreAnonymous() {
        for (Service service : Service.values()) {
            String url = suite.url(service);
            given().get(url + "/q/health/ready").then().statusCode(200);
            given().get(url + "/q/openapi").then().statusCode(200);
            for (String operations : List.of("/q/metrics", "/q/swagger-ui/")) {
                given().get(url + operations).then().statusCode(401);
                given().auth().oauth2(tokens.user("viewer")).get(url + operations).then().statusCode(403);
            }
            given().auth().oauth2(tokens.prometheus()).get(url + "/q/metrics").then().statusCode(200)
                    .body(containsString("# TYPE "));
            // Prometheus's account reads metrics and nothing else
            given().auth().oauth2(tokens.prometheus()).get(url + ADMIN_READABLE.get(service)).then()
                    .statusCode(403);
        }
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
