package se.alfmonitor.contract.security;

/** The realm roles of the contract. Keycloak puts them in {@code realm_access.roles}. */
public final class Roles {

    /** A regional IT system or a unit's contact person; limited to the region in {@value #REGION_CLAIM}. */
    public static final String REPORTER = "reporter";
    /** Socialstyrelsen's evaluators. */
    public static final String ASSESSOR = "assessor";
    /** The national monitoring agency. */
    public static final String MONITOR = "monitor";
    /** Dashboards: aggregates only. */
    public static final String VIEWER = "viewer";
    /** Operators. */
    public static final String ADMIN = "admin";

    /** The token claim that names a reporter's region (two-digit county code). */
    public static final String REGION_CLAIM = "region_code";

    private Roles() {
    }
}
