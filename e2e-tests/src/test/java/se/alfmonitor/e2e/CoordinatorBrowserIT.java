package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The region coordinator page in a real headless Chromium. In a campaign of its own (remediation due 2024-08-31, a
 * date that has passed), four units of region 01: one has submitted (and is assessed: levels 18 and 23 await review,
 * so it has remediation items), one has a draft, two have nothing. Region 01's reporter signs in and sees each unit's
 * response as survey-service has it, the counts, the reminder list (copied with the keyboard), the region's results
 * beside the nation's and the remediation items marked overdue; axe finds nothing serious. One of the silent units
 * submits over the API while the page is open: the page reads itself again when the assessment arrives on
 * {@code /api/stream}, and the counts and the reminder list change by exactly that unit. A reporter of region 12
 * asking for region 01 is refused by both services, and the page shows the refusal and no unit.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorBrowserIT extends AgainstRunningSuite {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String CAMPAIGN = "e2e-coordinator-" + RUN;
    private static final String SUBMITTED = "01-CO-" + RUN + "-a";
    private static final String DRAFT = "01-CO-" + RUN + "-b";
    private static final String LATE = "01-CO-" + RUN + "-c";
    private static final String SILENT = "01-CO-" + RUN + "-d";
    private static final String OTHER_REPORTER = "reporter-12-" + RUN;

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static Browser browser;
    private static String page;

    @BeforeAll
    static void openCampaignRegisterUnitsAndOpenBrowser() {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                        "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                        "remediationDue", "2024-08-31", "status", "OPEN"))
                .put("/api/campaigns/{id}", CAMPAIGN).then().statusCode(201);
        registerAndSubmit(CAMPAIGN, SUBMITTED, "Svarskliniken " + RUN, "01", Fixtures.completeAlfUsve());
        register(DRAFT, "Utkastkliniken " + RUN);
        draft(DRAFT);
        register(LATE, "Senkliniken " + RUN);
        register(SILENT, "Tysta kliniken " + RUN);
        await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("monitor")).queryParam("campaignId", CAMPAIGN).queryParam("regionCode", "01")
                .get("/api/remediation/units").then().statusCode(200).extract().jsonPath()
                .getList("items.unitId", String.class)).contains(SUBMITTED));
        suite.addPerson(OTHER_REPORTER, "reporter", "12");
        page = suite.url(Service.REPORTING) + "/coordinator.html";
        browser = new Browser("coordinator", page);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theRegionsReporterSeesWhoHasRespondedCopiesTheReminderListAndSeesTheCountsChangeWhenAUnitSubmits() {
        signIn(browser, "reporter-01", "01");
        assertThat(response(SUBMITTED)).isEqualTo("responded");
        assertThat(response(DRAFT)).isEqualTo("draft");
        assertThat(response(LATE)).isEqualTo("none");
        assertThat(response(SILENT)).isEqualTo("none");
        assertThat(browser.text(By.cssSelector("#units tr[data-unit='" + DRAFT + "']"))).contains("Utkast Draft");

        // the counts are those of every active unit of region 01 in survey-service, in this campaign
        List<String> units = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                .queryParam("regionCode", "01").get("/api/units").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.active != false }.id", String.class);
        assertThat(count("units")).isEqualTo(units.size());
        assertThat(count("responded")).isEqualTo(1);
        assertThat(count("draft")).isEqualTo(1);
        assertThat(count("none")).isEqualTo(units.size() - 2);
        assertThat(count("missing")).isEqualTo(units.size() - 1);
        assertThat(count("assessed")).as("completeness: assessed units").isEqualTo(1);

        // the reminder list: every unit without a submitted response, name and id, none that has responded
        String reminders = (String) browser.script("return document.getElementById('reminders').value");
        assertThat(reminders.split("\n")).hasSize(units.size() - 1)
                .contains("Utkastkliniken " + RUN + "\t" + DRAFT, "Senkliniken " + RUN + "\t" + LATE,
                        "Tysta kliniken " + RUN + "\t" + SILENT);
        assertThat(reminders).doesNotContain(SUBMITTED);
        browser.script("document.getElementById('reminders').focus()");
        keys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("copy");
        keys(Keys.ENTER);
        browser.wait(b -> browser.text(By.id("copied")).startsWith("Kopierad: " + (units.size() - 1) + " enheter"));

        // the region beside the nation: the scorecard's 27 levels
        assertThat(browser.driver().findElements(By.cssSelector("#results tbody tr"))).hasSize(27);
        assertThat(browser.text(By.cssSelector("#results-caption"))).startsWith("Andel enheter");

        // remediation: the API's unit × level items of the unit, each due 2024-08-31 and overdue
        List<Integer> unmet = given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("reporter-01"))
                .queryParam("campaignId", CAMPAIGN).queryParam("regionCode", "01").get("/api/remediation/units")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.unitId == '" + SUBMITTED + "' }.level", Integer.class);
        assertThat(unmet).contains(18, 23);
        List<String> shownLevels = browser.driver()
                .findElements(By.cssSelector("#remediation tbody tr[data-unit='" + SUBMITTED + "']")).stream()
                .map(r -> r.getDomAttribute("data-level")).toList();
        assertThat(shownLevels).containsExactlyInAnyOrderElementsOf(unmet.stream().map(String::valueOf).toList());
        String row = "#remediation tbody tr[data-unit='" + SUBMITTED + "'][data-level='18']";
        assertThat(browser.driver().findElement(By.cssSelector(row)).getDomAttribute("data-overdue")).isEqualTo("true");
        assertThat(browser.text(By.cssSelector(row))).contains("Väntar på bedömning", "2024-08-31", "Försenad Overdue");
        assertThat(browser.text(By.id("remediation-due"))).contains("2024-08-31 (passerad)");

        browser.screenshot("coordinator.png");
        browser.assertAccessible("the region coordinator page");

        // a silent unit submits while the page is open: the assessment reaches the page over the stream
        browser.wait(b -> b.findElement(By.id("live")).getDomAttribute("class").contains("on"));
        submit(LATE);
        browser.wait(b -> "responded".equals(response(LATE)) && count("responded") == 2);
        assertThat(count("none")).isEqualTo(units.size() - 3);
        assertThat(count("missing")).isEqualTo(units.size() - 2);
        assertThat((String) browser.script("return document.getElementById('reminders').value"))
                .doesNotContain(LATE).contains(DRAFT, SILENT);
        browser.wait(b -> count("assessed") == 2);
    }

    @Test
    @Order(2)
    void aReporterOfAnotherRegionIsRefusedRegion01sUnitsAndThePageSaysSo() {
        // the servers refuse, whatever a page would do
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("12")).queryParam("regionCode", "01")
                .get("/api/units").then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("OTHER_REGION"));
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("12"))
                .queryParam("campaignId", CAMPAIGN).queryParam("regionCode", "01").get("/api/submissions")
                .then().statusCode(403);
        given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.region("12"))
                .queryParam("campaignId", CAMPAIGN).queryParam("regionCode", "01").get("/api/remediation/units")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("OTHER_REGION"));

        try (Browser other = new Browser("coordinator-other-region", page + "?region=01&campaign=" + CAMPAIGN)) {
            other.wait(d -> d.findElement(By.id("signin")).isDisplayed());
            other.driver().findElement(By.id("signin")).click();
            other.signIn(suite.url(Service.REPORTING), OTHER_REPORTER, OTHER_REPORTER + "-demo");
            other.wait(d -> "OTHER_REGION".equals(d.findElement(By.id("problem")).getDomAttribute("data-code")));
            assertThat(other.text(By.id("problem"))).contains("Du får inte se den här regionens enheter", "403");
            assertThat(other.driver().findElements(By.cssSelector("#units tbody tr"))).isEmpty();
            assertThat(other.driver().findElements(By.cssSelector("#remediation tbody tr"))).isEmpty();
            other.assertAccessible("the region coordinator page refusing another region");
        }
    }

    // ---- helpers ----

    private static void signIn(Browser b, String user, String region) {
        b.driver().get(page + "?region=" + region + "&campaign=" + CAMPAIGN);
        b.wait(d -> d.findElement(By.id("signin")).isDisplayed());
        b.driver().findElement(By.id("signin")).click();
        b.signIn(suite.url(Service.REPORTING), user, user + "-demo");
        b.wait(d -> !d.findElements(By.cssSelector("#units tr[data-unit='" + SILENT + "']")).isEmpty()
                && !d.findElements(By.cssSelector("#remediation tbody tr")).isEmpty());
    }

    private static void register(String unitId, String name) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", "01", "directPatientContact", true, "designatedYear", 2017))
                .put("/api/units/{id}", unitId).then().statusCode(201);
    }

    private static UUID draft(String unitId) {
        UUID id = UUID.randomUUID();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01")).contentType(ContentType.JSON)
                .body(Map.of("campaignId", CAMPAIGN, "unitId", unitId, "answers", Fixtures.completeAlfUsve()))
                .put("/api/submissions/{id}", id).then().statusCode(201);
        return id;
    }

    private static void submit(String unitId) {
        UUID id = draft(unitId);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01"))
                .post("/api/submissions/{id}/submit", id).then().statusCode(200);
    }

    private static String response(String unitId) {
        return (String) browser.script("const r = document.querySelector(\"#units tr[data-unit='\" + arguments[0]"
                + " + \"']\"); return r ? r.getAttribute('data-response') : null;", unitId);
    }

    private static int count(String key) {
        String text = browser.text(By.cssSelector("#counts [data-count='" + key + "']"));
        return text == null ? -1 : Integer.parseInt(text.trim());
    }

    private static void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }
}
