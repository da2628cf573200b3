package se.alfmonitor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What an integrator needs of a service's OpenAPI document to use the API from it alone, as a list of everything
 * missing (empty when complete). The document must be a valid OpenAPI 3 document (the swagger-parser validator) and:
 * <ul>
 * <li>name the realm's OAuth2 client-credentials and authorization-code flows as the scheme {@value #OAUTH2};</li>
 * <li>give every operation a summary, a schema for each parameter and request body, and a success response whose
 * content has a schema (204 excepted);</li>
 * <li>secure every operation under {@code /api} with that scheme and declare 401 and 403 for it;</li>
 * <li>declare 400, 413 and 415 for every operation that reads a body;</li>
 * <li>give every error response the problem+json schema and its stable codes ({@value #CODES}).</li>
 * </ul>
 */
public final class OpenApiRules {

    static final String OAUTH2 = "oauth2";
    static final String CODES = "x-problem-codes";
    private static final String PROBLEM = "application/problem+json";

    private OpenApiRules() {
    }

    public static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(message -> problems.add("invalid OpenAPI: " + message));
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            problems.add("not an OpenAPI document");
            return problems;
        }
        checkSchemes(api, problems);
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths() == null ? List.<Map.Entry<String, PathItem>>of()
                : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap()
                    .entrySet()) {
                operations++;
                check(operation.getKey() + " " + path.getKey(), path.getKey(), path.getValue(), operation.getValue(),
                        problems);
            }
        }
        if (operations == 0) {
            problems.add("no operations");
        }
        return problems;
    }

    private static void checkSchemes(OpenAPI api, List<String> problems) {
        SecurityScheme scheme = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? null : api.getComponents().getSecuritySchemes().get(OAUTH2);
        if (scheme == null || scheme.getType() != SecurityScheme.Type.OAUTH2 || scheme.getFlows() == null) {
            problems.add("no OAuth2 security scheme '" + OAUTH2 + "' with flows");
        } else {
            OAuthFlow clientCredentials = scheme.getFlows().getClientCredentials();
            OAuthFlow authorizationCode = scheme.getFlows().getAuthorizationCode();
            if (clientCredentials == null || !endsWith(clientCredentials.getTokenUrl(), "/protocol/openid-connect/token")) {
                problems.add("the OAuth2 scheme has no client-credentials flow with the realm's token endpoint");
            }
            if (authorizationCode == null || !endsWith(authorizationCode.getTokenUrl(), "/protocol/openid-connect/token")
                    || !endsWith(authorizationCode.getAuthorizationUrl(), "/protocol/openid-connect/auth")) {
                problems.add("the OAuth2 scheme has no authorization-code flow with the realm's endpoints");
            }
        }
        if (api.getComponents() == null || api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey("Problem")) {
            problems.add("no Problem schema in the components");
        }
    }

    private static void check(String name, String path, PathItem item, Operation operation, List<String> problems) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            problems.add(name + ": no summary");
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        for (Parameter parameter : parameters) {
            if (parameter.get$ref() == null && parameter.getSchema() == null && parameter.getContent() == null) {
                problems.add(name + ": parameter " + parameter.getName() + " has no schema");
            }
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (path.startsWith("/api/") || path.equals("/api")) {
            if (!secured || operation.getSecurity().stream().noneMatch(requirement -> requirement.containsKey(OAUTH2))) {
                problems.add(name + ": not secured with the realm's OAuth2 scheme");
            }
        }
        Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
        if (secured) {
            requireStatuses(name, responses, problems, "401", "403");
        }
        if (operation.getRequestBody() != null) {
            if (!everyMediaTypeHasSchema(operation.getRequestBody().getContent())) {
                problems.add(name + ": request body without a schema");
            }
            requireStatuses(name, responses, problems, "400", "413", "415");
        }
        boolean success = false;
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            String status = response.getKey();
            ApiResponse answer = response.getValue();
            if (status.startsWith("2")) {
                success = true;
                if (!status.equals("204") && !everyMediaTypeHasSchema(answer.getContent())) {
                    problems.add(name + ": response " + status + " without a schema");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                checkError(name, status, answer, problems);
            }
        }
        if (!success) {
            problems.add(name + ": no success response");
        }
    }

    private static void checkError(String name, String status, ApiResponse answer, List<String> problems) {
        MediaType problem = answer.getContent() == null ? null : answer.getContent().get(PROBLEM);
        if (problem == null || problem.getSchema() == null || problem.getSchema().get$ref() == null
                || !problem.getSchema().get$ref().endsWith("/Problem")) {
            problems.add(name + ": response " + status + " is not the problem+json schema");
        }
        Object codes = answer.getExtensions() == null ? null : answer.getExtensions().get(CODES);
        if (!(codes instanceof List<?> list) || list.isEmpty()) {
            problems.add(name + ": response " + status + " names no stable codes (" + CODES + ")");
        }
    }

    private static void requireStatuses(String name, Map<String, ApiResponse> responses, List<String> problems,
            String... statuses) {
        for (String status : statuses) {
            if (!responses.containsKey(status)) {
                problems.add(name + ": no " + status + " response");
            }
        }
    }

    private static boolean everyMediaTypeHasSchema(Content content) {
        return content != null && !content.isEmpty()
                && content.values().stream().allMatch(type -> type.getSchema() != null);
    }

    private static boolean endsWith(String url, String suffix) {
        return url != null && url.endsWith(suffix);
    }
}
