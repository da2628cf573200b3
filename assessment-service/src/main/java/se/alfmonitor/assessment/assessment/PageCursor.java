package se.alfmonitor.assessment.assessment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;

/**
 * A position in a keyset walk over the latest assessments, ordered by unit id and campaign id: the key of the last
 * item sent and the fingerprint of the filters of the walk. Sent to clients as an opaque base64url token; the
 * token is read strictly, and one that is not a cursor of this service, or one of a walk with other filters,
 * answers 400 {@code INVALID_CURSOR}. It is not secret: it holds only a unit and campaign the caller was shown.
 */
public record PageCursor(int v, String unitId, String campaignId, String filter) {

    private static final int VERSION = 1;
    private static final int MAX_LENGTH = 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The cursor after {@code last} in the walk filtered by {@code filter}. */
    public static PageCursor after(AssessmentEntity last, AssessmentFilter filter) {
        return new PageCursor(VERSION, last.unitId, last.campaignId, filter.fingerprint());
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor a client sent back, checked to belong to a walk with {@code filter}. */
    public static PageCursor decode(String token, AssessmentFilter filter) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid("The cursor is not one this service issued");
        }
        PageCursor cursor;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            cursor = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), PageCursor.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid("The cursor is not one this service issued");
        }
        if (cursor == null || cursor.v() != VERSION || cursor.unitId() == null || cursor.campaignId() == null
                || cursor.filter() == null) {
            throw invalid("The cursor is not one this service issued");
        }
        if (!cursor.filter().equals(filter.fingerprint())) {
            throw invalid("The cursor belongs to a walk with other filters; send the same filters as for its first "
                    + "page");
        }
        return cursor;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("INVALID_CURSOR", detail,
                List.of(new FieldError("INVALID_CURSOR", "/cursor", detail)));
    }
}
