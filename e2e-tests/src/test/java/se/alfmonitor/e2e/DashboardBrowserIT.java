package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import io.restassured.path.json.JsonPath;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The dashboard page in a real headless Chromium: a person signs in through the Keycloak login form (authorization
 * code with PKCE as the public client {@code dashboard}), the page shows the figures of a known data set, updates
 * over the server-sent event stream when another questionnaire is assessed, shows a unit name carrying markup as
 * text, and has no serious or critical accessibility violation. The data set lives in a campaign of its own, so what
 * other tests submitted does not change the figures. The browser is the system's Chromium ({@link Browser}); without
 * it the test is skipped, saying so.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT extends AgainstRunningSuite {

    private static final Duration PATIENCE = Browser.PATIENCE;

    /** Markup a person could type as a unit name; shown as text, it runs nothing. */
    private static final String HOSTILE_NAME = "Kliniken <img src=x onerror=\"window.alfInjected=1\"> & <b>co</b>";

    private static final String CAMPAIGN = "e2e-browser-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static Browser browser;
    private static String hostileUnit;

    @BeforeAll
    static void submitKnownDataSetAndOpenBrowser() {
        openCampaign(CAMPAIGN);
        // 11 units in the seven regions; level 3 (a clinically active doctoral student, item 6a) is not met in
        // one unit of Stockholm and one of Skåne, level 2 (4a) and level 5 (12a) in one unit of Östergötland each,
        // level 17 (27) in Örebro, level 27 (39) in one unit of Västerbotten
        submit("01", "A", Map.of());
        submit("01", "B", Map.of("6a", "NEJ"));
        submit("03", "A", Map.of());
        submit("05", "A", Map.of("4a", "NEJ"));
        submit("05", "B", Map.of("12a", "NEJ"));
        submit("12", "A", Map.of());
        hostileUnit = submit("12", "B", HOSTILE_NAME, Map.of("6a", "NEJ"));
        submit("14", "A", Map.of());
        submit("18", "A", Map.of("27", "NEJ"));
        submit("24", "A", Map.of());
        submit("24", "B", Map.of("39", "NEJ"));
        awaitResponding(11);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("monitor")).queryParam("campaignId", CAMPAIGN)
                .get("/api/remediation/units")
                .then().statusCode(200).body("items.find { it.unitId == '" + hostileUnit + "' }.unitName",
                        equalTo(HOSTILE_NAME)));

        browser = new Browser("dashboard", suite.url(Service.REPORTING) + "/");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signsInThroughKeycloakAndShowsTheFiguresOfTheDataSet() {
        browser.driver().get(suite.url(Service.REPORTING) + "/");
        wait(b -> b.findElement(By.id("signin"))).click();
        browser.signIn(suite.url(Service.REPORTING), "monitor", "monitor-demo");
        // the campaign is chosen from the list the API serves, not typed
        wait(b -> !b.findElements(By.cssSelector("#campaign option[value='" + CAMPAIGN + "']")).isEmpty());
        new Select(browser.driver().findElement(By.id("campaign"))).selectByValue(CAMPAIGN);
        assertThat(browser.driver().findElement(By.id("campaign")).getDomProperty("value")).isEqualTo(CAMPAIGN);

        wait(b -> "11".equals(cell("responding", "SE")));
        assertThat(cell(3, "01")).isEqualTo("50,0");
        assertThat(cell(3, "03")).isEqualTo("100,0");
        assertThat(cell(3, "12")).isEqualTo("50,0");
        assertThat(cell(3, "SE")).as("9 of 11 units").isEqualTo("81,8");
        assertThat(cell(2, "05")).isEqualTo("50,0");
        assertThat(cell(5, "05")).isEqualTo("50,0");
        assertThat(cell(17, "18")).isEqualTo("0,0");
        assertThat(cell(27, "24")).isEqualTo("50,0");
        assertThat(cell("responding", "01")).isEqualTo("2");
        assertThat(cell("responding", "14")).isEqualTo("1");
        assertThat(cell("responding", "12")).isEqualTo("2");
        // and every other cell as the API computes it
        assertThat(pageTable()).isEqualTo(apiTable());
    }

    @Test
    @Order(2)
    void showsAUnitNameWithMarkupAsTextAndRunsNothing() {
        By name = By.cssSelector("#remediation-table tr[data-unit='" + hostileUnit + "'] td:nth-child(2)");
        wait(b -> !b.findElements(name).isEmpty());
        assertThat(script("return window.alfInjected === undefined")).as("the name's onerror did not run")
                .isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#remediation img, #remediation b")))
                .as("no element made").isEmpty();
        assertThat(browser.driver().findElement(name).getText()).isEqualTo(HOSTILE_NAME);
        assertThat(text(By.cssSelector("#remediation-table tr[data-unit='" + hostileUnit
                + "'] td[data-outcome='NOT_MET']"))).isEqualTo("3");
    }

    @Test
    @Order(3)
    void updatesLiveWhenAnotherQuestionnaireIsAssessed() {
        wait(b -> b.findElement(By.id("live")).getDomAttribute("class").contains("on"));
        script("window.alfSamePage = true");

        submit("12", "C", Map.of());

        wait(b -> "3".equals(cell("responding", "12")));
        assertThat(cell(3, "12")).as("2 of 3 units in Skåne").isEqualTo("66,7");
        assertThat(cell(3, "SE")).as("10 of 12 units").isEqualTo("83,3");
        assertThat(cell("responding", "SE")).isEqualTo("12");
        assertThat(script("return window.alfSamePage === true")).as("updated without a reload").isEqualTo(true);
        assertThat(pageTable()).isEqualTo(apiTable());

        browser.screenshot("dashboard.png");
    }

    @Test
    @Order(4)
    void hasNoSeriousOrCriticalAccessibilityViolations() {
        wait(b -> "12".equals(cell("responding", "SE")));
        browser.assertAccessible("the dashboard");
    }

    // ---- data ----

    private static String submit(String region, String letter, Map<String, Object> changes) {
        return submit(region, letter, "E2E-kliniken " + region + letter, changes);
    }

    /** Registers a unit and submits the complete answer set with the given changes, as a region's IT system does. */
    private static String submit(String region, String letter, String name, Map<String, Object> changes) {
        String unitId = region + "-WEB-" + RUN + "-" + letter;
        Map<String, Object> answers = new HashMap<>(Fixtures.completeAlfUsve());
        answers.putAll(changes);
        registerAndSubmit(CAMPAIGN, unitId, name, region, answers);
        return unitId;
    }

    private static void awaitResponding(int units) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(compliance().getList("regions.respondingUnits",
                Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(units));
    }

    private static JsonPath compliance() {
        return given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("monitor"))
                .queryParam("campaignId", CAMPAIGN).get("/api/compliance")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The compliance table as the API computes it, each share written as the page writes it. */
    private static Map<String, String> apiTable() {
        JsonPath json = compliance();
        Map<String, String> cells = new TreeMap<>();
        List<String> regions = json.getList("regions.code", String.class);
        for (Map<String, Object> level : json.<Map<String, Object>>getList("levels")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> shares = (Map<String, Object>) level.get("shares");
            for (String region : regions) {
                cells.put(level.get("number") + "/" + region, share(shares.get(region)));
            }
            cells.put(level.get("number") + "/SE", share(level.get("nationalShare")));
        }
        for (Map<String, Object> region : json.<Map<String, Object>>getList("regions")) {
            cells.put("average/" + region.get("code"), share(region.get("averageShare")));
            cells.put("responding/" + region.get("code"), String.valueOf(region.get("respondingUnits")));
        }
        cells.put("average/SE", share(json.get("nationalAverage")));
        cells.put("responding/SE", String.valueOf(json.getList("regions.respondingUnits", Integer.class).stream()
                .mapToInt(Integer::intValue).sum()));
        return cells;
    }

    private static String share(Object value) {
        return value == null ? "–"
                : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** The same cells as the page shows them in its table. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> pageTable() {
        List<List<String>> rows = (List<List<String>>) script("""
                const rows = [];
                document.querySelectorAll('#compliance-table tr[data-level], #compliance-table tr[data-row]')
                  .forEach((tr) => {
                    const row = tr.dataset.level || tr.dataset.row;
                    if (row === 'average' || row === 'responding' || tr.dataset.level) {
                      tr.querySelectorAll('td[data-region]').forEach((td) =>
                        rows.push([row + '/' + td.dataset.region, td.textContent]));
                    }
                  });
                return rows;""");
        Map<String, String> cells = new TreeMap<>();
        rows.forEach(r -> cells.put(r.get(0), r.get(1)));
        return cells;
    }

    // ---- page ----

    /** A cell of the compliance table by level number and region code ({@code SE} for the nation). */
    private static String cell(int level, String region) {
        return cellText("#compliance-table tr[data-level='" + level + "'] td[data-region='" + region + "']");
    }

    /** A cell of the table's summary rows: {@code average}, {@code responding}, {@code all-met-count}, ... */
    private static String cell(String row, String region) {
        return cellText("#compliance-table tr[data-row='" + row + "'] td[data-region='" + region + "']");
    }

    /** textContent: the table is folded away in a details element, and getText answers only for what is shown. */
    private static String cellText(String selector) {
        // read in the page in one step: a live update re-renders the table, and an element found a moment earlier
        // would be gone by the time its text is asked for
        return (String) browser.script(
                "const cell = document.querySelector(arguments[0]); return cell ? cell.textContent : null;", selector);
    }

    private static String text(By by) {
        return browser.text(by);
    }

    private static Object script(String script) {
        return browser.script(script);
    }

    private static <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        return browser.wait(condition);
    }
}
