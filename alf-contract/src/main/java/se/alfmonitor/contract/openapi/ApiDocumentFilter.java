package se.alfmonitor.contract.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import se.alfmonitor.contract.problem.Problem;

/**
 * What every service's OpenAPI document says the same way, added here once instead of on every operation:
 * <ul>
 * <li>the problem+json body ({@code Problem}, {@code FieldError}) as the content of every error response, with the
 * response's stable codes as the extension {@value #CODES} (taken from the codes its description names, or the
 * contract's code for that status when it names none);</li>
 * <li>401 and 403 on every secured operation; 400, 413 and 415 on every operation that reads a body (the strict body
 * reader's codes);</li>
 * <li>the realm's OAuth2 flows as the security scheme {@value #OAUTH2} (client credentials for regional IT systems,
 * authorization code for people), offered on every secured operation beside the bearer scheme. The endpoints come
 * from the service's own {@code quarkus.oidc.auth-server-url}, so the document names the realm the service trusts.</li>
 * </ul>
 * It runs at build time (the stored document) and again at startup, where the realm URL is the deployment's; it only
 * adds what is missing, so a second run changes nothing.
 */
@OpenApiFilter(stages = { OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP })
public class ApiDocumentFilter implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";
    public static final String OAUTH2 = "oauth2";
    /** The stable codes an error response may carry, in its problem's {@code code} or its {@code errors}. */
    public static final String CODES = "x-problem-codes";

    /** An upper-snake-case code with at least one underscore; single-word codes come from {@link #DEFAULTS}. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private record Default(String description, List<String> codes) {
    }

    /** The code each status carries when the operation names none, as the services' exception mappers answer. */
    private static final Map<String, Default> DEFAULTS = Map.of(
            "400", new Default("INVALID_REQUEST: a parameter is not valid", List.of("INVALID_REQUEST")),
            "401", new Default("UNAUTHENTICATED: no bearer token, or one that is expired, of another issuer or not "
                    + "issued for this service", List.of("UNAUTHENTICATED")),
            "403", new Default("FORBIDDEN: the token's roles do not allow this", List.of("FORBIDDEN")),
            "404", new Default("NOT_FOUND: nothing at this address", List.of("NOT_FOUND")),
            "406", new Default("NOT_ACCEPTABLE: the endpoint cannot answer in an accepted type",
                    List.of("NOT_ACCEPTABLE")),
            "422", new Default("VALIDATION_FAILED: every problem of the request at once, in errors",
                    List.of("VALIDATION_FAILED")),
            "413", new Default("PAYLOAD_TOO_LARGE: a body over 8 MB", List.of("PAYLOAD_TOO_LARGE")),
            "415", new Default("UNSUPPORTED_MEDIA_TYPE: a content type the endpoint does not consume",
                    List.of("UNSUPPORTED_MEDIA_TYPE")),
            "500", new Default("INTERNAL_ERROR: the service failed; nothing was stored", List.of("INTERNAL_ERROR")));

    /** 400 of an operation that reads a body: the strict body reader's codes besides the parameters'. */
    private static final Default BAD_BODY = new Default("The request is not valid: INVALID_REQUEST (a parameter), "
            + "MALFORMED_JSON or WRONG_TYPE (the body)", List.of("INVALID_REQUEST", "MALFORMED_JSON", "WRONG_TYPE"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        addProblemSchemas(components);
        boolean oauth2 = addOAuth2Scheme(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                complete(operation, oauth2);
            }
        }
    }

    private static void complete(Operation operation, boolean oauth2) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured && oauth2 && operation.getSecurity().stream()
                .noneMatch(requirement -> requirement.hasScheme(OAUTH2))) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(OAUTH2));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, "400");
            ensure(responses, "413");
            ensure(responses, "415");
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (isError(status)) {
                    describeProblem(status, response, operation.getRequestBody() != null);
                }
            });
        }
    }

    private static void ensure(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void describeProblem(String status, APIResponse response, boolean readsBody) {
        Default fallback = "400".equals(status) && readsBody ? BAD_BODY : DEFAULTS.get(status);
        Set<String> codes = new LinkedHashSet<>(codesIn(response.getDescription()));
        if (codes.isEmpty() && fallback != null) {
            codes.addAll(fallback.codes());
        }
        if ("403".equals(status)) {
            codes.add("FORBIDDEN");
        }
        if ("400".equals(status) && readsBody) {
            codes.add("MALFORMED_JSON");
            codes.add("WRONG_TYPE");
        }
        String description = response.getDescription();
        if (description == null || description.isBlank() || description.equals(reasonPhrase(status))) {
            response.setDescription(fallback != null ? fallback.description() : String.join(", ", codes));
        }
        if (!codes.isEmpty()) {
            response.addExtension(CODES, new ArrayList<>(codes));
        }
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        // an error is a problem whatever the operation produces when it succeeds
        Optional.ofNullable(content.getMediaTypes()).map(Map::keySet).map(List::copyOf).orElse(List.of())
                .stream().filter(type -> !type.equals(Problem.MEDIA_TYPE)).forEach(content::removeMediaType);
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
    }

    /** The generic descriptions the scanner and the security extension give (e.g. "Not Authorized"). */
    private static String reasonPhrase(String status) {
        return switch (status) {
            case "400" -> "Bad Request";
            case "401" -> "Not Authorized";
            case "403" -> "Not Allowed";
            default -> "";
        };
    }

    static List<String> codesIn(String text) {
        List<String> codes = new ArrayList<>();
        if (text == null) {
            return codes;
        }
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            if (!codes.contains(matcher.group())) {
                codes.add(matcher.group());
            }
        }
        return codes;
    }

    private static void addProblemSchemas(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            return;
        }
        components.addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One problem in a request")
                .addProperty("code", text("Stable upper-snake-case code, e.g. INVALID_OPTION"))
                .addProperty("pointer", text("JSON Pointer into the request body (e.g. /answers/13b.1), / for the "
                        + "body as a whole, or ?name for a query parameter"))
                .addProperty("message", text("What is wrong, for people"))
                .required(List.of("code", "pointer", "message")));
        components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (" + Problem.MEDIA_TYPE + "), the body of every error "
                        + "response; every problem of a request is reported at once")
                .addProperty("type", text("urn:alf-monitor:problem:<code in kebab case>"))
                .addProperty("title", text("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", text("What happened, for people"))
                .addProperty("code", text("The stable code of the problem as a whole; each error response lists "
                        + "the codes it may carry, here or in errors, in " + CODES))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Every problem found in the request, for validation failures")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)))
                .required(List.of("type", "title", "status", "code")));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    /** The realm's token and authorization endpoints as an OAuth2 scheme; false when the service has no realm. */
    private static boolean addOAuth2Scheme(Components components) {
        if (components.getSecuritySchemes() != null && components.getSecuritySchemes().containsKey(OAUTH2)) {
            return true;
        }
        Optional<String> realm = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (realm.isEmpty()) {
            return false;
        }
        String token = realm.get() + "/protocol/openid-connect/token";
        OAuthFlow clientCredentials = OASFactory.createOAuthFlow().tokenUrl(token)
                .scopes(Map.of());
        OAuthFlow authorizationCode = OASFactory.createOAuthFlow().tokenUrl(token)
                .authorizationUrl(realm.get() + "/protocol/openid-connect/auth").scopes(Map.of());
        OAuthFlows flows = OASFactory.createOAuthFlows().clientCredentials(clientCredentials)
                .authorizationCode(authorizationCode);
        SecurityScheme scheme = OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Tokens of the Keycloak realm alf-monitor issued for this service (audience). Regional "
                        + "IT systems and the national agency use client credentials with their service account; "
                        + "people sign in with authorization code and PKCE (public client dashboard). Roles are the "
                        + "realm roles reporter (bound to region_code), assessor, monitor, viewer and admin.")
                .flows(flows);
        components.addSecurityScheme(OAUTH2, scheme);
        return true;
    }
}
