package se.alfmonitor.contract.problem;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Renders every failure of a request as problem+json, so clients see one error format from every service. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError("CONSTRAINT_VIOLATION", pointerOf(violation), violation.getMessage()));
        }
        return respond(Problem.of(400, "INVALID_REQUEST", "Bad request", "The request parameters are not valid",
                errors));
    }

    /** More specific than Quarkus' own mapper for this type, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String pointer = "/";
        String code = "MALFORMED_JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            pointer = pointerOf(mapping.getPath());
            if (!refusedByParser(mapping)) {
                // a number too large for the field's type (2^63 for an int) is a wrong type as well
                code = e instanceof MismatchedInputException || mapping.getCause() instanceof InputCoercionException
                        ? "WRONG_TYPE" : "INVALID_VALUE";
            }
        }
        return respond(Problem.of(400, code, "Bad request", "The request body could not be read",
                List.of(new FieldError(code, pointer, e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return respond(Problem.of(409, "REVISION_CONFLICT", "Conflict",
                "The resource was changed by another request at the same time; read it again and retry", List.of()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        Problem problem = Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required",
                List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "Your role does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            // the JSON reader wraps what the parser refused (malformed JSON, duplicate keys, nesting, trailing tokens)
            return unreadableJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = switch (status.getStatusCode()) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.getStatusCode() >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return respond(Problem.of(status.getStatusCode(), code, status.getReasonPhrase(), e.getMessage(), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "The request failed; nothing was changed. The failure is logged.", List.of()));
    }

    /** What the parser refused (a duplicate key, too deep nesting) is malformed JSON wherever it happened. */
    private static boolean refusedByParser(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException
                    || (cause instanceof StreamReadException && !(cause instanceof InputCoercionException))) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String pointerOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        // method parameter constraints read "method.param"; body fields "method.body.field"
        String tail = dot >= 0 ? path.substring(dot + 1) : path;
        return "/" + tail.replace('.', '/');
    }

    /** The JSON Pointer (RFC 6901) of the place a Jackson mapping failure names; "/" for the whole document. */
    public static String pointerOf(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append(ref.getIndex());
            }
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }
}
