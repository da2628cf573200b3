package se.alfmonitor.contract.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@value #MEDIA_TYPE}).
 *
 * @param code the stable code of the problem as a whole (an extension member)
 * @param errors every problem found in the request, for validation failures
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:alf-monitor:problem:";

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code.toLowerCase().replace('_', '-'), title, status, detail, code,
                errors == null ? List.of() : List.copyOf(errors));
    }
}
