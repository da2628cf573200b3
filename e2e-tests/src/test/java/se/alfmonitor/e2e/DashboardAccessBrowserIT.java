package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import se.alfmonitor.e2e.Suite.Service;

/**
 * The dashboard for everyone, in a real headless Chromium: the campaign is chosen from the list the API serves; a
 * monitor clicks a heat map cell, and presses Enter and Space on a cell of the table beside it, and sees the units
 * behind each with their outcome of the level; a viewer is offered no drill-down, the API refuses it the units (403),
 * and the region with a single responding unit is shown to it as suppressed ({@code ..} with the reason). Every chart
 * is named and has a table, the English parts are marked {@code lang="en"}, and axe finds nothing serious on either
 * page. The data set is a campaign of its own: three units in Stockholm, one in Skåne.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardAccessBrowserIT extends AgainstRunningSuite {

    private static final String CAMPAIGN = "e2e-access-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** Regions in the order of the matrix's columns (the seven ALF regions). */
    private static final List<String> REGIONS = List.of("01", "03", "05", "12", "14", "18", "24");

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static Browser monitor;
    private static Browser viewer;
    private static String notMet01;
    private static String skane;

    @BeforeAll
    static void submitASmallGroupAndOpenBrowsers() {
        openCampaign(CAMPAIGN);
        // level 3 (item 6a, a clinically active doctoral student) is not met in one Stockholm unit and in Skåne's
        // only unit
        submit("01", "A", Map.of());
        notMet01 = submit("01", "B", Map.of("6a", "NEJ"));
        submit("01", "C", Map.of());
        skane = submit("12", "A", Map.of("6a", "NEJ"));
        await().atMost(Browser.PATIENCE).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("monitor")).queryParam("campaignId", CAMPAIGN).get("/api/compliance")
                .then().statusCode(200).body("regions.respondingUnits.sum()", equalTo(4)));
        // names come from the unit register, another topic
        for (String region : List.of("01", "12")) {
            await().atMost(Browser.PATIENCE).untilAsserted(() -> given().baseUri(suite.url(Service.REPORTING))
                    .auth().oauth2(tokens.user("monitor")).queryParam("campaignId", CAMPAIGN).queryParam("level", 3)
                    .queryParam("regionCode", region).get("/api/compliance/cell")
                    .then().statusCode(200).body("units.unitName", org.hamcrest.Matchers.everyItem(
                            org.hamcrest.Matchers.startsWith("E2E-åtkomst"))));
        }
        monitor = new Browser("dashboard-monitor", suite.url(Service.REPORTING) + "/");
        viewer = new Browser("dashboard-viewer", suite.url(Service.REPORTING) + "/");
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser b : new Browser[] { monitor, viewer }) {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    @Order(1)
    void aMonitorClicksAHeatMapCellAndSeesTheUnitsBehindIt() {
        open(monitor, "monitor");
        monitor.wait(d -> "3".equals(cell(monitor, "responding", "01")));
        assertThat(cell(monitor, 3, "01")).isEqualTo("66,7");
        assertThat(monitor.text(By.id("drill-hint"))).contains("Klicka på en cell");
        assertThat(monitor.script("return document.getElementById('drill-hint').hidden")).isEqualTo(false);

        // the heat map's level-3 × Stockholm cell, where ECharts draws it
        clickHeatMapCell(monitor, 3, "01");
        monitor.wait(d -> "01".equals(attribute(monitor, "#cell-units", "data-region"))
                && !(Boolean) monitor.script("return document.getElementById('cell-units').hidden"));
        assertThat(attribute(monitor, "#cell-units", "data-level")).isEqualTo("3");
        assertThat(units(monitor)).containsExactly(notMet01 + " NOT_MET", unit("01", "A") + " MET",
                unit("01", "C") + " MET");
        assertThat(monitor.text(By.cssSelector("#cell-units-table tr[data-unit='" + notMet01 + "'] td")))
                .isEqualTo("E2E-åtkomst 01B");
        assertThat(monitor.text(By.cssSelector("#cell-units-table tr[data-unit='" + notMet01 + "'] td + td")))
                .isEqualTo("Inte uppfylld Not met");
        assertThat(monitor.text(By.id("cell-units-summary"))).contains("2 av 3 svarande enheter");
        assertThat(monitor.script("return document.activeElement.id")).as("focus moves to the list")
                .isEqualTo("cell-units-title");
        monitor.script("document.getElementById('cell-units').scrollIntoView({ block: 'center' })");
        monitor.screenshot("dashboard-units.png");
    }

    @Test
    @Order(2)
    void aMonitorOpensACellOfTheTableWithEnterAndSpace() {
        // open the folded table with the keyboard, then Enter on the level-3 × Skåne cell
        monitor.script("document.querySelector('#compliance-details summary').focus()");
        keys(monitor, Keys.ENTER);
        monitor.wait(d -> (Boolean) monitor.script("return document.getElementById('compliance-details').open"));
        focusCellButton(monitor, 3, "12");
        keys(monitor, Keys.ENTER);
        monitor.wait(d -> "12".equals(attribute(monitor, "#cell-units", "data-region")));
        assertThat(units(monitor)).containsExactly(skane + " NOT_MET");

        focusCellButton(monitor, 2, "01");
        keys(monitor, Keys.SPACE);
        monitor.wait(d -> "01".equals(attribute(monitor, "#cell-units", "data-region"))
                && "2".equals(attribute(monitor, "#cell-units", "data-level")));
        assertThat(units(monitor)).hasSize(3).allMatch(u -> u.endsWith(" MET"));
        // no buttons in regions without responding units
        assertThat(monitor.driver().findElements(By.cssSelector(
                "#compliance-table tr[data-level='3'] td[data-region='03'] button"))).isEmpty();
        monitor.assertAccessible("the dashboard with the units behind a cell");
    }

    @Test
    @Order(3)
    void everyChartIsNamedAndHasATableAndTheEnglishIsMarked() {
        for (String chart : List.of("heatmap", "regions", "completeness", "trend")) {
            assertThat(attribute(monitor, "#" + chart, "role")).as(chart).isEqualTo("img");
            String title = attribute(monitor, "#" + chart, "aria-labelledby");
            assertThat(monitor.text(By.id(title))).as(chart + "'s name").isNotBlank();
            String described = attribute(monitor, "#" + chart, "aria-describedby");
            assertThat(described).as(chart).isNotBlank();
        }
        // the regions chart's table holds the API's figures
        Map<String, Object> stockholm = given().baseUri(suite.url(Service.REPORTING))
                .auth().oauth2(tokens.user("monitor")).queryParam("campaignId", CAMPAIGN).get("/api/compliance")
                .then().statusCode(200).extract().jsonPath().getMap("regions.find { it.code == '01' }");
        String average = new java.math.BigDecimal(stockholm.get("averageShare").toString())
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        monitor.wait(d -> average.equals(monitor.text(By.cssSelector("#regions-table tr[data-region='01'] td"))));
        assertThat(monitor.driver().findElements(By.cssSelector("#completeness-table tbody tr"))).hasSize(7);
        assertThat(monitor.driver().findElements(By.cssSelector("#trend-table"))).hasSize(1);
        // every English part of the page is marked as English
        assertThat((List<?>) monitor.script("return [...document.querySelectorAll('.en')]"
                + ".filter((e) => e.lang !== 'en').map((e) => e.textContent)")).isEmpty();
        // campaign and indicator are lists, not text boxes
        assertThat(monitor.driver().findElement(By.id("campaign")).getTagName()).isEqualTo("select");
        assertThat(monitor.driver().findElement(By.id("indicator")).getTagName()).isEqualTo("select");
    }

    @Test
    @Order(4)
    void aViewerSeesAggregatesOnlyAndTheSmallGroupSuppressed() {
        open(viewer, "viewer");
        viewer.wait(d -> "3".equals(cell(viewer, "responding", "01")));
        assertThat(cell(viewer, "responding", "12")).isEqualTo("1");
        assertThat(cell(viewer, 3, "01")).isEqualTo("66,7");
        // Skåne's single unit and the nation (which would give it back) are suppressed, with the reason
        for (String region : List.of("12", "SE")) {
            String selector = "#compliance-table tr[data-level='3'] td[data-region='" + region + "']";
            assertThat(attribute(viewer, selector, "data-suppressed")).as(region).isEqualTo("true");
            assertThat(cell(viewer, 3, region)).as(region).startsWith("..").contains("färre än 3");
            assertThat(viewer.script("return document.querySelector(arguments[0] + ' [lang=en]').textContent",
                    selector)).as(region).isEqualTo("Suppressed: fewer than 3 responding units");
        }
        assertThat(viewer.text(By.cssSelector("#regions-table tr[data-region='12'] td"))).startsWith("..");

        // no drill-down offered: no buttons in the table, no hint, and a click on the heat map opens nothing
        assertThat(viewer.driver().findElements(By.cssSelector("#compliance-table button"))).isEmpty();
        assertThat(viewer.script("return document.getElementById('drill-hint').hidden")).isEqualTo(true);
        clickHeatMapCell(viewer, 3, "01");
        viewer.script("return new Promise((r) => setTimeout(r, 1500))");
        assertThat(viewer.script("return document.getElementById('cell-units').hidden")).isEqualTo(true);
        assertThat(viewer.script("return document.getElementById('remediation').hidden")).isEqualTo(true);

        // and the API refuses it anyway; a reporter of another region too
        given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("viewer"))
                .queryParam("campaignId", CAMPAIGN).queryParam("level", 3).queryParam("regionCode", "01")
                .get("/api/compliance/cell").then().statusCode(403);
        given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.region("12"))
                .queryParam("campaignId", CAMPAIGN).queryParam("level", 3).queryParam("regionCode", "01")
                .get("/api/compliance/cell").then().statusCode(403).body("code", equalTo("OTHER_REGION"));
        given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("viewer"))
                .queryParam("campaignId", CAMPAIGN).get("/api/compliance").then().statusCode(200)
                .body("suppression.regions", org.hamcrest.Matchers.contains("12"))
                .body("levels.find { it.number == 3 }.shares.'12'", org.hamcrest.Matchers.nullValue());

        viewer.script("document.getElementById('compliance-details').open = true");
        viewer.assertAccessible("the dashboard as a viewer");
    }

    // ---- data ----

    private static String unit(String region, String letter) {
        return region + "-ACC-" + RUN + "-" + letter;
    }

    private static String submit(String region, String letter, Map<String, Object> changes) {
        Map<String, Object> answers = new HashMap<>(Fixtures.completeAlfUsve());
        answers.putAll(changes);
        registerAndSubmit(CAMPAIGN, unit(region, letter), "E2E-åtkomst " + region + letter, region, answers);
        return unit(region, letter);
    }

    // ---- page ----

    /** Signs in through Keycloak and chooses the test's campaign from the list the API serves. */
    private static void open(Browser b, String user) {
        b.driver().get(suite.url(Service.REPORTING) + "/");
        b.wait(d -> d.findElement(By.id("signin"))).click();
        b.signIn(suite.url(Service.REPORTING), user, user + "-demo");
        b.wait(d -> !d.findElements(By.cssSelector("#campaign option[value='" + CAMPAIGN + "']")).isEmpty());
        new Select(b.driver().findElement(By.id("campaign"))).selectByValue(CAMPAIGN);
    }

    /** Clicks where ECharts draws the heat map's cell of {@code level} × {@code region}. */
    @SuppressWarnings("unchecked")
    private static void clickHeatMapCell(Browser b, int level, String region) {
        List<Number> at = (List<Number>) b.script("""
                const chart = echarts.getInstanceByDom(document.getElementById('heatmap'));
                const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [arguments[0], arguments[1]]);
                const box = document.getElementById('heatmap').getBoundingClientRect();
                return [x - box.width / 2, y - box.height / 2];""", REGIONS.indexOf(region), level - 1);
        WebElement heatmap = b.driver().findElement(By.id("heatmap"));
        b.script("arguments[0].scrollIntoView({ block: 'center' })", heatmap);
        new Actions(b.driver()).moveToElement(heatmap, at.get(0).intValue(), at.get(1).intValue()).click().perform();
    }

    private static void focusCellButton(Browser b, int level, String region) {
        b.wait(d -> !d.findElements(By.cssSelector("#compliance-table tr[data-level='" + level
                + "'] td[data-region='" + region + "'] button")).isEmpty());
        b.script("document.querySelector(arguments[0]).focus()", "#compliance-table tr[data-level='" + level
                + "'] td[data-region='" + region + "'] button");
    }

    private static void keys(Browser b, CharSequence... keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }

    /** The listed units as "unitId OUTCOME", in the page's order. */
    @SuppressWarnings("unchecked")
    private static List<String> units(Browser b) {
        return (List<String>) b.script("return [...document.querySelectorAll('#cell-units-table tbody tr')]"
                + ".map((tr) => tr.dataset.unit + ' ' + tr.dataset.outcome)");
    }

    private static String cell(Browser b, int level, String region) {
        return text(b, "#compliance-table tr[data-level='" + level + "'] td[data-region='" + region + "']");
    }

    private static String cell(Browser b, String row, String region) {
        return text(b, "#compliance-table tr[data-row='" + row + "'] td[data-region='" + region + "']");
    }

    private static String text(Browser b, String selector) {
        return (String) b.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                selector);
    }

    private static String attribute(Browser b, String selector, String name) {
        return (String) b.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }
}
