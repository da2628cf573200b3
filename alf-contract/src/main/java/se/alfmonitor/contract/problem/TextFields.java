package se.alfmonitor.contract.problem;

import java.util.List;

/**
 * Checks of text fields in request bodies, with the stable codes of the contract: {@code REQUIRED_MISSING} (absent or
 * blank), {@code OUT_OF_RANGE} (longer than allowed) and {@code INVALID_CHARACTER} (NUL, valid JSON but not storable
 * in PostgreSQL text, which would otherwise fail the write with a 500).
 */
public final class TextFields {

    /** Unit and campaign ids: the length every service stores. */
    public static final int ID_MAX = 64;

    private TextFields() {
    }

    /** A text that must be given: not blank, at most {@code max} characters, no NUL. */
    public static void required(String value, String pointer, int max, String missing, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", pointer, missing));
        } else {
            optional(value, pointer, max, errors);
        }
    }

    /** A text that may be absent; when given, at most {@code max} characters and no NUL. */
    public static void optional(String value, String pointer, int max, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError("OUT_OF_RANGE", pointer, "at most " + max + " characters"));
        } else if (value.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("INVALID_CHARACTER", pointer, "must not contain the NUL character (U+0000)"));
        }
    }
}
