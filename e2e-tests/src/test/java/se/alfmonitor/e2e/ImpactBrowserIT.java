package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The rule change impact page in a real headless Chromium. The level-8 candidate shipped with assessment-service
 * ("more than five articles", AMB-02) is uploaded as a draft over the API under a version of this run; in a campaign
 * of its own, three of five units report exactly five articles over 2018-2021. An assessor picks the draft and the
 * campaign from the lists the APIs serve, runs the simulation with the keyboard and watches it finish; the heat map's
 * level-8 cell of each region changes by exactly the number of that region's units the API names as changed, the
 * changed units are listed with the candidate's explanation, axe finds nothing serious, and the assessor sees no
 * publish button. An admin sees it, gets a confirmation first and can step back from it; an error of the API is
 * shown with its code.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpactBrowserIT extends AgainstRunningSuite {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String CAMPAIGN = "e2e-impact-" + RUN;
    private static final String VERSION = "2021.1-c8-e2e-" + RUN;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unit id → region; the units with five articles are the ones the candidate changes. */
    private static final Map<String, String> FIVE = new LinkedHashMap<>();
    private static final Map<String, String> MORE = new LinkedHashMap<>();

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static Browser browser;
    private static String page;

    @BeforeAll
    static void uploadTheCandidateSubmitUnitsAndOpenBrowser() throws IOException {
        FIVE.put("01-IM-" + RUN + "-0", "01");
        FIVE.put("01-IM-" + RUN + "-1", "01");
        FIVE.put("12-IM-" + RUN + "-2", "12");
        MORE.put("01-IM-" + RUN + "-3", "01");
        MORE.put("24-IM-" + RUN + "-4", "24");
        openCampaign(CAMPAIGN);
        int n = 0;
        for (Map.Entry<String, String> unit : FIVE.entrySet()) {
            Map<String, Object> answers = Fixtures.completeAlfUsve();
            answers.put("15", n++ % 2 == 0 ? Map.of("2018", 2, "2019", 1, "2020", 1, "2021", 1)
                    : Map.of("2018", 1, "2019", 1, "2020", 1, "2021", 2));
            registerAndSubmit(CAMPAIGN, unit.getKey(), "Artikelkliniken " + unit.getKey(), unit.getValue(), answers);
        }
        // the complete answers report 30 articles
        MORE.forEach((unit, region) -> registerAndSubmit(CAMPAIGN, unit, "Artikelkliniken " + unit, region,
                Fixtures.completeAlfUsve()));

        Path shipped = Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath().normalize()
                .resolve("assessment-service/src/main/resources/rule-sets/candidates/level-8-more-than-five.json");
        ObjectNode candidate = (ObjectNode) JSON.readTree(shipped.toFile());
        candidate.put("version", VERSION);
        given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                .contentType(ContentType.JSON).body(candidate.toString())
                .put("/api/rule-sets/{version}", VERSION).then().statusCode(201);

        int units = FIVE.size() + MORE.size();
        await().atMost(Browser.PATIENCE).untilAsserted(() -> {
            assertThat(given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                    .queryParam("campaignId", CAMPAIGN).get("/api/assessments")
                    .then().statusCode(200).extract().jsonPath().getList("unitId")).hasSize(units);
            assertThat(given().baseUri(suite.url(Service.REPORTING)).auth().oauth2(tokens.user("assessor"))
                    .get("/api/compliance/campaigns").then().statusCode(200).extract().jsonPath()
                    .getInt("find { it.campaignId == '" + CAMPAIGN + "' }.respondingUnits")).isEqualTo(units);
        });
        page = suite.url(Service.REPORTING) + "/impact.html";
        browser = new Browser("impact", page);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAssessorRunsTheSimulationWithTheKeyboardAndReadsTheHeatMapAndTheChangedUnits() {
        signIn(browser, "assessor", "assessor-demo");
        new Select(browser.driver().findElement(By.id("candidate"))).selectByValue(VERSION);
        new Select(browser.driver().findElement(By.id("campaign"))).selectByValue(CAMPAIGN);
        browser.wait(b -> browser.text(By.id("candidate-diff")).contains("nivå 8 ("));
        assertThat(browser.text(By.id("candidate-diff"))).as("the API's diff: only level 8 differs")
                .doesNotContain(";");

        // from the campaign to the run button with Tab, and run with Enter: no element is clicked
        focus(browser, "campaign");
        keys(browser, Keys.TAB);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("run");
        keys(browser, Keys.ENTER);
        browser.wait(b -> "DONE".equals(attribute(browser, "#progress-text", "data-status"))
                && b.findElement(By.id("result")).isDisplayed());
        int units = FIVE.size() + MORE.size();
        assertThat(browser.text(By.id("progress-text"))).startsWith("Klar: " + units + " av " + units);
        assertThat(browser.text(By.id("progress-live"))).as("the live region says it ended").startsWith("Klar");

        // what the API holds: exactly the units with five articles, MET -> NOT_MET on level 8
        String id = attribute(browser, "#progress-text", "data-simulation");
        JsonPath simulation = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                .get("/api/rule-sets/{v}/simulations/{id}", VERSION, id).then().statusCode(200).extract().jsonPath();
        assertThat(simulation.getList("changes.unitId", String.class)).containsExactlyInAnyOrderElementsOf(
                FIVE.keySet());
        assertThat(simulation.getList("changes.level", Integer.class)).containsOnly(8);
        Map<String, Long> changedByRegion = simulation.getList("changes.regionCode", String.class).stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(changedByRegion).containsEntry("01", 2L).containsEntry("12", 1L);

        // the heat map's level-8 cells: the units meeting the level change by the units changed in the region
        for (String region : List.of("01", "12", "24")) {
            String cell = "#heatmap tbody tr[data-level='8'] td[data-region='" + region + "']";
            long changed = changedByRegion.getOrDefault(region, 0L);
            assertThat(attribute(browser, cell, "data-delta-fulfilled")).as("level 8 in " + region)
                    .isEqualTo(String.valueOf(-changed));
            double delta = simulation.getDouble("result.delta.levels.find { it.number == 8 }.regions.'" + region
                    + "'.share");
            assertThat(Double.parseDouble(attribute(browser, cell, "data-delta"))).isCloseTo(delta, within(0.001));
            String text = browser.text(By.cssSelector(cell));
            assertThat(text).as("the figure is on the screen, not only in the colour")
                    .contains(String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f", Math.abs(delta)));
            if (changed > 0) {
                assertThat(text).contains("−" + changed + " enh.");
                assertThat(browser.driver().findElement(By.cssSelector(cell)).getDomAttribute("class"))
                        .contains("d-2");
            }
        }
        assertThat(attribute(browser, "#heatmap tbody tr[data-level='8'] td[data-region='SE']",
                "data-delta-fulfilled")).isEqualTo(String.valueOf(-FIVE.size()));
        assertThat(attribute(browser, "#heatmap tbody tr[data-level='7'] td[data-region='01']",
                "data-delta-fulfilled")).as("no other level moves").isEqualTo("0");
        assertThat(browser.driver().findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(27);
        assertThat(browser.text(By.id("heatmap-caption"))).startsWith("Förändring");

        // the changed units, each with the candidate's explanation
        assertThat(browser.driver().findElements(By.cssSelector("#changes tbody tr[data-unit]")).stream()
                .map(r -> r.getDomAttribute("data-unit")).toList()).containsExactlyInAnyOrderElementsOf(FIVE.keySet());
        String first = FIVE.keySet().iterator().next();
        String row = "#changes tbody tr[data-unit='" + first + "']";
        assertThat(attribute(browser, row, "data-from") + attribute(browser, row, "data-to")).isEqualTo("METNOT_MET");
        assertThat(browser.text(By.cssSelector(row))).contains("Uppfylld Met → Inte uppfylld Not met")
                .contains(simulation.getString("changes.find { it.unitId == '" + first + "' }.explanation.sv"));
        assertThat(browser.text(By.cssSelector("#summary [data-fact='units-changed']"))).isEqualTo("3");
        assertThat(browser.driver().findElements(By.cssSelector("#history tbody tr[data-simulation='" + id + "']")))
                .as("listed among the earlier simulations").hasSize(1);
        assertThat(browser.driver().findElement(By.id("csv")).isDisplayed()).isTrue();

        // the same table before the change, then back
        browser.driver().findElement(By.cssSelector("#view input[value='before']")).click();
        browser.wait(b -> "before".equals(attribute(browser, "#heatmap", "data-view")));
        assertThat(browser.text(By.cssSelector("#heatmap tbody tr[data-level='8'] td[data-region='01']")))
                .isEqualTo("100,0");
        browser.driver().findElement(By.cssSelector("#view input[value='delta']")).click();
        browser.wait(b -> "delta".equals(attribute(browser, "#heatmap", "data-view")));

        assertThat(browser.driver().findElement(By.id("publish-panel")).isDisplayed())
                .as("an assessor has no publish button").isFalse();
        assertThat(browser.driver().findElement(By.id("publish")).isDisplayed()).isFalse();
        // the level-8 row in view for the picture
        browser.script("document.querySelector(\"#heatmap tr[data-level='5']\")"
                + ".scrollIntoView({ block: 'start' })");
        browser.screenshot("impact.png");
        browser.assertAccessible("the rule change impact page with a result");
    }

    @Test
    @Order(2)
    void anAdminSeesThePublishButtonAndIsAskedFirstThenAnApiErrorIsShownWithItsCode() {
        try (Browser admin = new Browser("impact-admin", page)) {
            signIn(admin, "admin", "admin-demo");
            new Select(admin.driver().findElement(By.id("candidate"))).selectByValue(VERSION);
            admin.wait(b -> b.findElement(By.id("publish")).isDisplayed());
            admin.driver().findElement(By.id("publish")).click();
            admin.wait(b -> b.findElement(By.id("publish-confirm")).isDisplayed());
            assertThat(admin.text(By.id("publish-question"))).contains("Publicera " + VERSION);
            assertThat(admin.script("return document.activeElement.id")).isEqualTo("publish-yes");
            admin.assertAccessible("the impact page asking to publish");
            // Esc steps back: nothing is published
            keys(admin, Keys.ESCAPE);
            admin.wait(b -> !b.findElement(By.id("publish-confirm")).isDisplayed());
            assertThat(admin.script("return document.activeElement.id")).isEqualTo("publish");
            assertThat(status(VERSION)).isEqualTo("DRAFT");

            // the draft is deleted behind the page; running it again shows the API's problem and its code
            given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                    .delete("/api/rule-sets/{version}", VERSION).then().statusCode(204);
            new Select(admin.driver().findElement(By.id("campaign"))).selectByValue(CAMPAIGN);
            focus(admin, "campaign");
            keys(admin, Keys.TAB, Keys.ENTER);
            admin.wait(b -> "RULE_SET_NOT_FOUND".equals(attribute(admin, "#problem", "data-code")));
            assertThat(admin.text(By.id("problem"))).contains("RULE_SET_NOT_FOUND", "404");
        }
    }

    // ---- helpers ----

    private static void signIn(Browser b, String user, String password) {
        b.driver().get(page);
        b.wait(d -> d.findElement(By.id("signin")).isDisplayed());
        b.driver().findElement(By.id("signin")).click();
        b.signIn(suite.url(Service.REPORTING), user, password);
        b.wait(d -> !d.findElements(By.cssSelector("#candidate option[value='" + VERSION + "']")).isEmpty()
                && !d.findElements(By.cssSelector("#campaign option[value='" + CAMPAIGN + "']")).isEmpty());
    }

    private static String status(String version) {
        Map<String, Object> found = new HashMap<>(given().baseUri(suite.url(Service.ASSESSMENT))
                .auth().oauth2(tokens.user("admin")).get("/api/rule-sets").then().statusCode(200).extract()
                .jsonPath().getMap("find { it.version == '" + version + "' }"));
        return (String) found.get("status");
    }

    /** Where a person who has just chosen in a list stands (a list already showing the choice is not clicked). */
    private static void focus(Browser b, String id) {
        b.script("document.getElementById(arguments[0]).focus()", id);
    }

    private static void keys(Browser b, CharSequence... keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }

    private static String attribute(Browser b, String selector, String name) {
        return (String) b.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }
}
