package se.alfmonitor.contract.problem;

/**
 * One problem in a request.
 *
 * @param code stable upper-snake-case code, e.g. {@code UNKNOWN_ITEM}
 * @param pointer JSON Pointer into the request body (or {@code /} for the body as a whole, or a query parameter
 *        written as {@code ?name})
 */
public record FieldError(String code, String pointer, String message) {
}
