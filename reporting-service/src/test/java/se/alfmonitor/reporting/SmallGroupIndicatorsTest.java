package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import se.alfmonitor.testing.Tokens;

/**
 * The small-group rule on indicator values: a value indicator-service marks as an outcome figure of units
 * ({@code inputs.groupSizeOf}) from 1 or 2 responding units is suppressed in the series and the region scorecard for
 * callers who may not see those units; ALF and the nation too while the suppressed regions hold 1 or 2 units.
 */
@QuarkusTest
class SmallGroupIndicatorsTest {

    private static final String EARLY = "2018-2021";
    private static final String LATE = "2022-2025";

    @Test
    void outcomeIndicatorsOfOneOrTwoUnitsAreSuppressedForThoseWhoMayNotSeeTheUnits() {
        String s = Events.suffix();
        String share = "T-SHARE-" + s;
        String mean = "T-MEAN-" + s;
        String other = "T-RATE-" + s;
        // EARLY: region 01 three units (2 meet), region 12 one unit (meets not): nation and ALF 2 of 4
        Events.indicator(share, "01", "REGION", EARLY, "2", "3", "100", "66.7", share);
        Events.indicator(share, "12", "REGION", EARLY, "0", "1", "100", "0.0", share);
        Events.indicator(share, "ALF", "ALF", EARLY, "2", "4", "100", "50.0", share);
        Events.indicator(share, "SE", "NATION", EARLY, "2", "4", "100", "50.0", share);
        // a value derived from shares counts its units by the share's denominator
        Events.indicator(mean, "12", "REGION", EARLY, "0", "1", "1", "0.0", share);
        Events.indicator(mean, "01", "REGION", EARLY, "66.666667", "1", "1", "66.7", share);
        // an indicator that is no outcome figure of units (a response rate) is served as it is
        Events.indicator(other, "12", "REGION", EARLY, "1", "1", "100", "100.0", null);
        // LATE: 12 (1 unit) and 03 (2 units) are suppressed, 3 units together: ALF and the nation are shown
        Events.indicator(share, "01", "REGION", LATE, "3", "3", "100", "100.0", share);
        Events.indicator(share, "12", "REGION", LATE, "1", "1", "100", "100.0", share);
        Events.indicator(share, "03", "REGION", LATE, "2", "2", "100", "100.0", share);
        Events.indicator(share, "ALF", "ALF", LATE, "6", "6", "100", "100.0", share);
        Events.indicator(share, "SE", "NATION", LATE, "6", "6", "100", "100.0", share);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            series(Tokens.monitor(), share, "SE").body("points", hasSize(2));
            series(Tokens.monitor(), share, "03").body("points", hasSize(1));
            series(Tokens.monitor(), mean, "01").body("points", hasSize(1));
            series(Tokens.monitor(), other, "12").body("points", hasSize(1));
        });

        // the viewer: 12's points suppressed (its responding count kept), never 0
        series(Tokens.viewer(), share, "12")
                .body("minimumUnits", equalTo(3))
                .body("points[0].period", equalTo(EARLY))
                .body("points[0].suppressed", equalTo(true))
                .body("points[0].value", nullValue())
                .body("points[0].numerator", nullValue())
                .body("points[0].denominator", equalTo(1))
                .body("points[1].suppressed", equalTo(true));
        series(Tokens.viewer(), share, "01").body("points[0].value", equalTo(66.7f))
                .body("points[0].suppressed", equalTo(false));
        // the nation minus 01 gives 12's unit back in EARLY; in LATE the suppressed regions hold 3 units
        series(Tokens.viewer(), share, "SE")
                .body("points[0].suppressed", equalTo(true)).body("points[0].value", nullValue())
                .body("points[1].suppressed", equalTo(false)).body("points[1].value", equalTo(100.0f));
        series(Tokens.viewer(), share, "ALF").body("points[0].suppressed", equalTo(true))
                .body("points[1].suppressed", equalTo(false));
        // the derived value: suppressed by its share's count, its own denominator not shown either
        series(Tokens.viewer(), mean, "12").body("points[0].suppressed", equalTo(true))
                .body("points[0].value", nullValue()).body("points[0].denominator", nullValue());
        series(Tokens.viewer(), mean, "01").body("points[0].suppressed", equalTo(false))
                .body("points[0].value", equalTo(66.7f));
        series(Tokens.viewer(), other, "12").body("points[0].suppressed", equalTo(false))
                .body("points[0].value", equalTo(100.0f));

        // CSV: a suppressed figure is ".."
        List<List<String>> rows = Events.csv(given().auth().oauth2(Tokens.viewer()).accept("text/csv")
                .queryParam("orgUnit", "12").get("/api/indicators/{code}/series", share).then().statusCode(200)
                .extract().asString());
        assertThat(rows.get(1).subList(0, 7)).containsExactly(share, "12", EARLY, "..", "1", "100", "..");

        // the region's own reporter sees it, another region's reporter does not; assessor, monitor, admin see all
        series(Tokens.reporter("12"), share, "12").body("points[0].suppressed", equalTo(false))
                .body("points[0].value", equalTo(0.0f));
        series(Tokens.reporter("01"), share, "12").body("points[0].suppressed", equalTo(true));
        for (String token : List.of(Tokens.assessor(), Tokens.monitor(), Tokens.admin())) {
            series(token, share, "SE").body("points[0].suppressed", equalTo(false))
                    .body("points[0].value", equalTo(50.0f));
            series(token, share, "12").body("points[0].value", equalTo(0.0f));
        }
        given().get("/api/indicators/{code}/series", share).then().statusCode(401);

        // the region scorecard's latest indicator values follow the same rule
        String campaign = "alf-sgi-" + s;
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/regions/12/scorecard")
                .then().statusCode(200)
                .body("indicators.find { it.indicator == '" + share + "' }.period", equalTo(LATE))
                .body("indicators.find { it.indicator == '" + share + "' }.suppressed", equalTo(true))
                .body("indicators.find { it.indicator == '" + share + "' }.value", nullValue())
                .body("indicators.find { it.indicator == '" + share + "' }.denominator", equalTo(1))
                .body("indicators.find { it.indicator == '" + mean + "' }.suppressed", equalTo(true))
                .body("indicators.find { it.indicator == '" + mean + "' }.value", nullValue())
                .body("indicators.find { it.indicator == '" + other + "' }.suppressed", equalTo(false))
                .body("indicators.find { it.indicator == '" + other + "' }.value", equalTo(100.0f));
        given().auth().oauth2(Tokens.reporter("12")).queryParam("campaignId", campaign)
                .get("/api/regions/12/scorecard").then().statusCode(200)
                .body("indicators.find { it.indicator == '" + share + "' }.suppressed", equalTo(false))
                .body("indicators.find { it.indicator == '" + share + "' }.value", equalTo(100.0f));
        given().auth().oauth2(Tokens.viewer()).queryParam("campaignId", campaign).get("/api/regions/01/scorecard")
                .then().statusCode(200)
                .body("indicators.find { it.indicator == '" + share + "' }.suppressed", equalTo(false))
                .body("indicators.find { it.indicator == '" + share + "' }.value", equalTo(100.0f));
    }

    private static ValidatableResponse series(String token, String code, String orgUnit) {
        return given().auth().oauth2(token).queryParam("orgUnit", orgUnit).get("/api/indicators/{code}/series", code)
                .then().statusCode(200);
    }
}
