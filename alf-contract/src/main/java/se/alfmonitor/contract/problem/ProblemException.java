package se.alfmonitor.contract.problem;

import java.util.List;

/** Ends a request with a problem+json response. Services throw it; {@link ProblemMappers} renders it. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail() != null ? problem.detail() : problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 422: the request is well-formed but breaks the rules; every error found is listed. */
    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(Problem.of(422, "VALIDATION_FAILED", "The request is not valid",
                errors.size() + " problem(s) found; nothing was stored", errors));
    }

    public static ProblemException badRequest(String code, String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail, errors));
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(Problem.of(404, code, "Not found", detail, List.of()));
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Problem.of(403, code, "Forbidden", detail, List.of()));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail, List.of()));
    }
}
