package se.alfmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiRulesTest {

    private static final String COMPLETE = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "components": {
               "schemas": {"Problem": {"type": "object"}, "Thing": {"type": "object"}},
               "securitySchemes": {"oauth2": {"type": "oauth2", "flows": {
                 "clientCredentials": {"tokenUrl": "http://kc/realms/r/protocol/openid-connect/token", "scopes": {}},
                 "authorizationCode": {"tokenUrl": "http://kc/realms/r/protocol/openid-connect/token",
                   "authorizationUrl": "http://kc/realms/r/protocol/openid-connect/auth", "scopes": {}}}}}},
             "paths": {"/api/things/{id}": {"put": {
               "summary": "Store a thing",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "security": [{"oauth2": []}],
               "responses": {
                 "200": {"description": "stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 %s
                 "403": %s, "400": %s, "413": %s, "415": %s}}}}}
            """;
    private static final String ERROR = """
            {"description": "x", "x-problem-codes": ["SOME_CODE"],
             "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";

    @Test
    void aCompleteDocumentHasNoProblems() {
        assertThat(OpenApiRules.problems(COMPLETE.formatted("\"401\": " + ERROR + ",", ERROR, ERROR, ERROR, ERROR)))
                .isEmpty();
    }

    @Test
    void everyMissingPartIsReported() {
        String document = COMPLETE.formatted("", """
                {"description": "Not Allowed"}""", ERROR, ERROR, """
                {"description": "x", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""")
                .replace("\"summary\": \"Store a thing\",", "")
                .replace("\"security\": [{\"oauth2\": []}],", "\"security\": [{\"bearer\": []}],");
        assertThat(OpenApiRules.problems(document)).containsExactlyInAnyOrder(
                "PUT /api/things/{id}: no summary",
                "PUT /api/things/{id}: not secured with the realm's OAuth2 scheme",
                "PUT /api/things/{id}: no 401 response",
                "PUT /api/things/{id}: response 403 is not the problem+json schema",
                "PUT /api/things/{id}: response 403 names no stable codes (x-problem-codes)",
                "PUT /api/things/{id}: response 415 names no stable codes (x-problem-codes)");
    }

    @Test
    void anInvalidDocumentIsReported() {
        assertThat(OpenApiRules.problems("{\"openapi\": \"3.1.0\", \"paths\": {}}"))
                .anyMatch(problem -> problem.startsWith("invalid OpenAPI: "))
                .contains("no operations");
    }
}
