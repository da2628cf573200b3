package se.alfmonitor.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What every service checks of a token before it looks at roles: that it was issued for this service (its audience)
 * and is still valid. Each service's tests extend this with one of its endpoints that an admin may read.
 */
public abstract class TokenChecks {

    /** A GET endpoint of the service that answers 200 to an admin. */
    protected abstract String adminReadablePath();

    @Test
    void aTokenOfTheRealmForThisServiceIsAccepted() {
        given().auth().oauth2(Tokens.admin()).get(adminReadablePath()).then().statusCode(200);
    }

    @Test
    void aValidTokenOfTheRealmIssuedForAnotherClientIsRefused() {
        given().auth().oauth2(Tokens.forAnotherClient()).get(adminReadablePath()).then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void anExpiredTokenIsRefused() {
        given().auth().oauth2(Tokens.expired(Set.of("admin"))).get(adminReadablePath()).then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }
}
