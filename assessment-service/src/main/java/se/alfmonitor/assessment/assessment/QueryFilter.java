package se.alfmonitor.assessment.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional equality filters of a listing endpoint as a Panache query: a filter whose value is null is left out.
 */
public final class QueryFilter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private QueryFilter(String base) {
        clauses.add(base);
    }

    /** A filter on top of a fixed condition such as {@code latest = true}; use {@code 1 = 1} for none. */
    public static QueryFilter where(String base) {
        return new QueryFilter(base);
    }

    /** Adds {@code field = value} unless value is null. {@code field} must be an entity attribute name. */
    public QueryFilter eq(String field, Object value) {
        if (value != null) {
            clauses.add(field + " = :" + field);
            params.put(field, value);
        }
        return this;
    }

    /** Adds a fixed condition without parameters, such as {@code pendingReviews > 0}. */
    public QueryFilter and(String condition) {
        clauses.add(condition);
        return this;
    }

    /** Adds a condition with its named parameters; the names must not clash with those of {@link #eq}. */
    public QueryFilter and(String condition, Map<String, Object> parameters) {
        clauses.add(condition);
        params.putAll(parameters);
        return this;
    }

    public String query() {
        return String.join(" and ", clauses);
    }

    public Map<String, Object> params() {
        return params;
    }
}
