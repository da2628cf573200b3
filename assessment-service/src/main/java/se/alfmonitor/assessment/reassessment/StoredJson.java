package se.alfmonitor.assessment.reassessment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON this service stored itself (answers, levels, level summaries) when it reads many rows at once. The
 * application's mapper refuses a key given twice in a request body, which costs a set of names per object; the
 * database holds only JSON this service wrote (answers checked when they arrived), so the check is left out here.
 */
public final class StoredJson {

    private StoredJson() {
    }

    /** A copy of {@code application} that does not look for keys given twice. */
    public static ObjectMapper readerOf(ObjectMapper application) {
        ObjectMapper stored = application.copy();
        stored.getFactory().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return stored;
    }
}
