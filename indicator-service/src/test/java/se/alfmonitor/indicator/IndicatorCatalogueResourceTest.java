package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class IndicatorCatalogueResourceTest {

    @Test
    void everyRoleReadsTheCatalogueWithTheContractFields() {
        for (String token : new String[] { Tokens.viewer(), Tokens.reporter("12"), Tokens.assessor(),
                Tokens.monitor(), Tokens.admin() }) {
            given().auth().oauth2(token).get("/api/indicators").then().statusCode(200)
                    .body("code", hasItems("ALF-01.1", "ALF-01.27", "ALF-02", "ALF-06", "ALF-08", "ALF-09",
                            "ALF-10", "CF-01", "CF-03", "CF-04", "CF-06", "CF-07"));
        }
        given().auth().oauth2(Tokens.viewer()).get("/api/indicators").then().statusCode(200)
                .body("find { it.code == 'CF-01' }.nameSv",
                        equalTo("Antal patienter i registrerade pågående studier per 1 000 nya cancerfall årligen"))
                .body("find { it.code == 'CF-01' }.factor", equalTo(1000))
                .body("find { it.code == 'CF-01' }.levels", equalTo(java.util.List.of("REGION", "ALF", "NATION")))
                .body("find { it.code == 'CF-01' }.formula.numerator", equalTo("inputs.attributedPatients"))
                .body("find { it.code == 'ALF-01.7' }.unit", equalTo("percent"))
                .body("find { it.code == 'ALF-01.7' }.version", equalTo("1"))
                .body("find { it.code == 'ALF-08' }.denominator", equalTo(null));
    }

    @Test
    void theCatalogueNeedsAToken() {
        given().get("/api/indicators").then().statusCode(401);
    }
}
