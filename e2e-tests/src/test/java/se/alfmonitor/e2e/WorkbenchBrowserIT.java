package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The assessor workbench in a real headless Chromium: the assessor signs in through Keycloak, picks the campaign, and
 * works through a review queue of 20 items with the keyboard only, while a second assessor decides one of them first
 * over the API; the page says so (the 409 {@code REVIEW_ALREADY_DECIDED}) and moves on, and every decision arrives as
 * made. Each item shows what the API serves for it (the example, the rule set's criteria, the answers the level
 * reads, the current outcome), and the page has no serious or critical accessibility violation.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserIT extends AgainstRunningSuite {

    private static final String CAMPAIGN = "e2e-workbench-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String SECOND_ASSESSOR = "assessor-" + RUN;
    /** Ten units in the seven ALF regions, each with its two examples (levels 18 and 23) in the queue. */
    private static final List<String> REGIONS = List.of("01", "03", "05", "12", "14", "18", "24", "01", "12", "14");
    private static final int ITEMS = 2 * REGIONS.size();

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private static String page;

    @BeforeAll
    static void submitUnitsWithExamplesAndOpenBrowser() {
        openCampaign(CAMPAIGN);
        for (int i = 0; i < REGIONS.size(); i++) {
            submit(REGIONS.get(i), i);
        }
        await().atMost(Browser.PATIENCE).untilAsserted(() -> {
            List<Integer> levels = reviews().getList("findAll { it.status == 'PENDING' }.level", Integer.class);
            assertThat(levels).hasSize(ITEMS).containsOnly(18, 23);
            assertThat(levels.stream().filter(l -> l == 18)).hasSize(REGIONS.size());
        });
        suite.addPerson(SECOND_ASSESSOR, "assessor");
        page = suite.url(Service.REPORTING) + "/workbench.html";
        browser = new Browser("workbench", page);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signsInAndShowsEachItemAsTheApiServesIt() {
        browser.driver().get(page);
        browser.wait(b -> b.findElement(By.id("signin")).isDisplayed());
        browser.driver().findElement(By.id("signin")).click();
        browser.signIn(suite.url(Service.REPORTING), "assessor", "assessor-demo");
        browser.wait(b -> !b.findElements(By.cssSelector("#filter-campaign option[value='" + CAMPAIGN + "']"))
                .isEmpty());
        new Select(browser.driver().findElement(By.id("filter-campaign"))).selectByValue(CAMPAIGN);
        browser.wait(b -> queue().size() == ITEMS);
        // from the filter back to the queue, where the shortcuts work
        keys(Keys.ESCAPE);
        assertThat(browser.script("return document.activeElement.closest('#queue') !== null")).isEqualTo(true);
        assertThat(browser.text(By.id("progress-text"))).startsWith("0 av " + ITEMS + " bedömda");
        assertThat(attribute("#counts [data-pending]", "data-pending")).isEqualTo(String.valueOf(ITEMS));
        for (int i = 0; i < 2; i++) {
            String id = current();
            Map<String, Object> item = reviews().getMap("find { it.id == '" + id + "' }");
            int level = (Integer) item.get("level");
            JsonPath rule = ruleSet((String) item.get("ruleSetVersion"));
            String levelPath = "levels.find { it.number == " + level + " }";
            browser.wait(b -> id.equals(b.findElement(By.id("item")).getDomAttribute("data-review-id"))
                    && !browser.text(By.id("criteria")).isEmpty());
            assertThat(browser.text(By.id("example"))).isEqualTo(item.get("text"));
            assertThat(browser.text(By.id("criteria"))).isEqualTo(rule.getString(levelPath + ".review.criteriaSv"));
            assertThat(browser.text(By.id("level-text"))).isEqualTo(rule.getString(levelPath + ".textSv"));
            assertThat(browser.driver().findElements(By.cssSelector("#answers tbody tr")).stream()
                    .map(r -> r.getDomAttribute("data-item")).toList())
                    .as("the items level " + level + " reads (then any unit registry facts)")
                    .startsWith(rule.getList(levelPath + ".items", String.class).toArray(String[]::new));
            assertThat(attribute("#outcome", "data-outcome")).isEqualTo("PENDING_REVIEW");
            assertThat(browser.text(By.id("explanation"))).startsWith("Nivå " + level + ": Väntar på bedömning");
            if (i == 0) {
                browser.screenshot("workbench.png");
                browser.assertAccessible("the workbench");
                keys("j");
                browser.wait(b -> !id.equals(current()));
            } else {
                keys("k");
            }
        }
    }

    @Test
    @Order(2)
    void worksThroughTheQueueWithTheKeyboardWhileASecondAssessorDecidesOneFirst() {
        List<String> order = queue();
        String first = current();
        assertThat(first).isEqualTo(order.get(0));

        // the letters of the shortcuts typed in the comment box are text, not commands
        String approval = "Konkret åtgärd: handledare per student och vecka; jämför kursvärderingen";
        keys("c", approval);
        assertThat(current()).isEqualTo(first);
        assertThat(browser.driver().findElement(By.id("comment")).getDomProperty("value")).isEqualTo(approval);
        keys(Keys.ESCAPE, "a");
        awaitNotice("DECIDED");
        browser.wait(b -> order.get(1).equals(current()));

        String second = current();
        keys("j");
        browser.wait(b -> order.get(2).equals(current()));
        keys("k");
        browser.wait(b -> second.equals(current()));
        String rejection = "Exemplet räknar bara upp mätningar, ingen förändring beskrivs.";
        keys("c", rejection, Keys.ESCAPE, "r");
        awaitNotice("DECIDED");
        browser.wait(b -> order.get(2).equals(current()));

        // the second assessor decides the item on screen before this assessor does
        String third = current();
        given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user(SECOND_ASSESSOR))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED", "comment", "Godkänt av den andra bedömaren."))
                .post("/api/reviews/{id}/decision", third)
                .then().statusCode(200);
        keys("c", "Godkänns.", Keys.ESCAPE, "a");
        awaitNotice("REVIEW_ALREADY_DECIDED");
        assertThat(browser.text(By.id("notice"))).contains("En annan bedömare hann före", SECOND_ASSESSOR,
                "Ditt beslut sparades inte");
        browser.wait(b -> order.get(3).equals(current()));
        assertThat(queue()).as("the decided item left the queue of pending items").doesNotContain(third)
                .hasSize(ITEMS - 3);

        // the rest of the queue, approving and rejecting in turn, each time on the item the queue moved on to
        Map<String, String[]> decided = new LinkedHashMap<>();
        for (int n = 3; n < ITEMS; n++) {
            String id = current();
            assertThat(id).isEqualTo(order.get(n));
            // judged once it is on the screen
            browser.wait(b -> id.equals(attribute("#item", "data-review-id")));
            boolean approve = n % 2 == 1;
            String comment = "Beslut " + (n + 1) + ": " + (approve ? "konkret förbättring beskriven." : "ingen åtgärd.");
            keys("c", comment, Keys.ESCAPE, approve ? "a" : "r");
            decided.put(id, new String[] { approve ? "APPROVED" : "REJECTED", comment });
            int left = ITEMS - n - 1;
            browser.wait(b -> queue().size() == left && !queue().contains(id));
        }
        assertThat(attribute("#notice", "data-code")).isEqualTo("DECIDED");
        assertThat(attribute("#progress-text", "data-decided")).isEqualTo(String.valueOf(ITEMS));
        assertThat(browser.text(By.id("progress-text"))).startsWith(ITEMS + " av " + ITEMS + " bedömda (100 %)");
        browser.assertAccessible("the workbench with its queue done");

        // what the API holds now: each decision as made, by whom it was made, audited once
        JsonPath reviews = reviews();
        assertDecided(reviews, first, "APPROVED", "assessor", approval);
        assertDecided(reviews, second, "REJECTED", "assessor", rejection);
        assertDecided(reviews, third, "APPROVED", SECOND_ASSESSOR, "Godkänt av den andra bedömaren.");
        decided.forEach((id, decision) -> assertDecided(reviews, id, decision[0], "assessor", decision[1]));
        assertThat(reviews.getList("findAll { it.status == 'PENDING' }")).isEmpty();
    }

    // ---- data ----

    private static void submit(String region, int number) {
        registerAndSubmit(CAMPAIGN, region + "-WB-" + RUN + "-" + number, "Bedömningskliniken " + region + "-" + number,
                region, Fixtures.completeAlfUsve());
    }

    /** The campaign's review items as the API serves them. */
    private static JsonPath reviews() {
        List<Map<String, Object>> all = given().baseUri(suite.url(Service.ASSESSMENT))
                .auth().oauth2(tokens.user("assessor")).get("/api/reviews")
                .then().statusCode(200).extract().jsonPath().getList("");
        try {
            return JsonPath.from(JSON.writeValueAsString(all.stream()
                    .filter(r -> CAMPAIGN.equals(r.get("campaignId"))).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath ruleSet(String version) {
        return given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                .get("/api/rule-sets/{version}", version).then().statusCode(200).extract().jsonPath();
    }

    private static void assertDecided(JsonPath reviews, String id, String status, String by, String comment) {
        Map<String, Object> item = reviews.getMap("find { it.id == '" + id + "' }");
        assertThat(item).as("review " + id).containsEntry("status", status).containsEntry("decidedBy", by)
                .containsEntry("comment", comment);
        List<Map<String, Object>> audit = given().baseUri(suite.url(Service.ASSESSMENT))
                .auth().oauth2(tokens.user("assessor")).get("/api/reviews/{id}/audit", id)
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit.stream().filter(a -> "DECIDED".equals(a.get("action"))).map(a -> a.get("actor")).toList())
                .as("decided once, by " + by).containsExactly(by);
    }

    // ---- page ----

    /** Keys as a person types them, to whatever has the focus; no element is clicked. */
    private static void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static String current() {
        return attribute("#queue button[aria-current='true']", "data-review-id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> queue() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#queue button[data-review-id]')]"
                + ".map((b) => b.dataset.reviewId)");
    }

    private static String attribute(String selector, String name) {
        return (String) browser.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }

    private static void awaitNotice(String code) {
        browser.wait(b -> code.equals(attribute("#notice", "data-code")));
    }
}
