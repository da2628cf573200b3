package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The questionnaire form in a real headless Chromium, as a unit's contact person uses it: the reporter of region 01
 * signs in through Keycloak, opens a unit's alf-usve form (generated from the definition survey-service serves), sees
 * a conditional item appear and disappear with its condition, meets the server's validation error at the field it
 * points to, fixes it, fills in the rest through the form's controls, submits and finds the submission in its
 * history; an amendment that meets a newer revision is explained beside that revision; a unit of another region is
 * refused by the server and the page says so. The page has no serious or critical accessibility violation.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuestionnaireFormBrowserIT extends AgainstRunningSuite {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String CAMPAIGN = "e2e-form-" + RUN;
    private static final String UNIT = "01-QF-" + RUN;
    private static final String OTHER_REGION_UNIT = "03-QF-" + RUN;
    private static final String REPORTER = "reporter-01";

    @RegisterExtension
    static final ExecutionCondition CHROMIUM_INSTALLED = Browser.INSTALLED;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private static String page;

    @BeforeAll
    static void openCampaignRegisterUnitsAndOpenBrowser() {
        openCampaign(CAMPAIGN);
        register(UNIT, "Formulärkliniken Solna", "01");
        register(OTHER_REGION_UNIT, "Formulärkliniken Uppsala", "03");
        page = suite.url(Service.REPORTING) + "/questionnaire.html";
        browser = new Browser("questionnaire", page);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aConditionalItemFollowsItsConditionAndTheServersErrorShowsAtItsField() {
        browser.driver().get(page);
        browser.wait(b -> b.findElement(By.id("signin")).isDisplayed());
        browser.driver().findElement(By.id("signin")).click();
        browser.signIn(suite.url(Service.REPORTING), REPORTER, REPORTER + "-demo");
        browser.wait(b -> !b.findElements(By.cssSelector("#campaign option[value='" + CAMPAIGN + "']")).isEmpty());
        new Select(browser.driver().findElement(By.id("campaign"))).selectByValue(CAMPAIGN);
        browser.wait(b -> !b.findElements(By.cssSelector("#unit option[value='" + UNIT + "']")).isEmpty());
        new Select(browser.driver().findElement(By.id("unit"))).selectByValue(UNIT);
        browser.driver().findElement(By.id("open")).click();
        browser.wait(b -> !b.findElements(By.cssSelector("[data-item='designationYear']")).isEmpty());
        assertThat(attribute("#form-panel", "data-status")).isEqualTo("NEW");
        // the verbatim Swedish label, from the definition
        assertThat(browser.text(By.cssSelector("[data-item='3'] legend .sv"))).startsWith(
                "Har det i ledningen för USVE under perioden 1 januari 2018 – 31 december 2021 funnits minst en");

        // explanation3 is asked only when 3 is PART_OF_PERIOD or NEJ
        assertThat(item("explanation3").isDisplayed()).isFalse();
        fill("/answers/3", "PART_OF_PERIOD");
        browser.wait(b -> item("explanation3").isDisplayed());
        fill("/answers/explanation3", "Den FoUU-ansvariga tjänsten var vakant under 2019.");
        fill("/answers/3", "WHOLE_PERIOD");
        browser.wait(b -> !item("explanation3").isDisplayed());
        awaitSaved();
        // the hidden item's answer is not sent
        assertThat(storedAnswers()).isEqualTo(JSON.valueToTree(Map.of("3", "WHOLE_PERIOD")));

        // a year outside 2015-2021: the server's 422 at that field, in the summary, and nothing stored
        fill("/answers/designationYear", 2030);
        browser.wait(b -> "invalid".equals(attribute("#save-status", "data-state")));
        assertThat(attribute("[data-item='designationYear'] .field-errors li", "data-code")).isEqualTo("OUT_OF_RANGE");
        assertThat(browser.text(By.cssSelector("[data-item='designationYear'] .field-errors li")))
                .contains("Värdet ligger utanför det tillåtna intervallet");
        assertThat(attribute("[data-item='designationYear'] input", "aria-invalid")).isEqualTo("true");
        WebElement link = browser.driver().findElement(By.cssSelector("#error-list a[data-code='OUT_OF_RANGE']"));
        assertThat(link.getDomAttribute("data-pointer")).isEqualTo("/answers/designationYear");
        click(link);
        assertThat(browser.script("return document.activeElement.dataset.pointer")).isEqualTo("/answers/designationYear");
        assertThat(storedAnswers()).as("a refused draft changes nothing")
                .isEqualTo(JSON.valueToTree(Map.of("3", "WHOLE_PERIOD")));
        browser.screenshot("questionnaire-error.png");
        browser.assertAccessible("the questionnaire form with a server error at a field");

        // fixed
        fill("/answers/designationYear", 2017);
        awaitSaved();
        assertThat(browser.driver().findElements(By.cssSelector("[data-item='designationYear'] .field-errors li")))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("error-summary")).isDisplayed()).isFalse();
        assertThat(storedAnswers().get("designationYear").asInt()).isEqualTo(2017);

        // English on request, marked as English
        browser.driver().findElement(By.id("language")).click();
        assertThat(browser.driver().findElement(By.cssSelector("[data-item='3'] legend .q-en")).isDisplayed())
                .isTrue();
        assertThat(attribute("[data-item='3'] legend .q-en", "lang")).isEqualTo("en");
        browser.driver().findElement(By.id("language")).click();
    }

    @Test
    @Order(2)
    void fillsInTheRestThroughTheFormSubmitsAndSeesItInTheHistory() {
        Map<String, Object> complete = Fixtures.completeAlfUsve();
        List<String> pending = new ArrayList<>(complete.keySet());
        // an item hidden by its condition is filled once the item it depends on is answered
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            for (String id : new ArrayList<>(pending)) {
                if (item(id).isDisplayed()) {
                    fill("/answers/" + id, complete.get(id));
                    pending.remove(id);
                }
            }
        }
        assertThat(pending).as("items never shown").isEmpty();
        awaitSaved();
        assertThat(storedAnswers()).as("the draft holds what was entered").isEqualTo(entered(complete));

        browser.driver().findElement(By.id("submit")).click();
        browser.wait(b -> "SUBMITTED".equals(attribute("#form-panel", "data-status")));
        assertThat(attribute("#save-status", "data-state")).isEqualTo("submitted");
        JsonNode stored = submission();
        assertThat(stored.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("answers")).isEqualTo(entered(complete));
        browser.wait(b -> !b.findElements(By.cssSelector("#history tr[data-action='SUBMITTED'][data-revision='1']"))
                .isEmpty());
        assertThat(browser.text(By.cssSelector("#history tr[data-action='SUBMITTED']"))).contains(REPORTER);
        assertThat(browser.driver().findElements(By.cssSelector("#history tr[data-action='DRAFT_CREATED']")))
                .hasSize(1);
        browser.screenshot("questionnaire.png");
        browser.assertAccessible("the submitted questionnaire with its history");
    }

    @Test
    @Order(3)
    void anAmendmentThatMeetsANewerRevisionIsExplainedBesideIt() {
        fill("/answers/13c", "NEJ");
        browser.wait(b -> "changed".equals(attribute("#save-status", "data-state")));
        // meanwhile the region's IT system amends revision 1
        Map<String, Object> theirs = new LinkedHashMap<>(Fixtures.completeAlfUsve());
        theirs.put("4a", "NEJ");
        String id = submission().get("id").asText();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region("01")).contentType(ContentType.JSON)
                .body(Map.of("expectedRevision", 1, "answers", theirs))
                .post("/api/submissions/{id}/amendments", id)
                .then().statusCode(201);
        String theirActor = submission().get("updatedBy").asText();

        browser.driver().findElement(By.id("amend")).click();
        browser.wait(b -> b.findElement(By.id("conflict")).isDisplayed());
        assertThat(attribute("#save-status", "data-state")).isEqualTo("conflict");
        assertThat(attribute("#conflict", "data-revision")).isEqualTo("2");
        assertThat(browser.text(By.id("conflict-text"))).contains(theirActor, "revision 2");
        assertThat(browser.driver().findElements(By.cssSelector("#conflict-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-item")).toList()).containsExactlyInAnyOrder("4a", "13c");
        assertThat(browser.text(By.cssSelector("#conflict-table tr[data-item='13c']"))).contains("Nej", "Ja");
        assertThat(submission().get("revision").asInt()).as("the conflicting amendment stored nothing").isEqualTo(2);
        browser.assertAccessible("the questionnaire form with a revision conflict");

        click(browser.driver().findElement(By.id("keep-mine")));
        browser.wait(b -> "amended".equals(attribute("#save-status", "data-state")));
        JsonNode stored = submission();
        assertThat(stored.get("revision").asInt()).isEqualTo(3);
        assertThat(stored.at("/answers/13c").asText()).isEqualTo("NEJ");
        assertThat(stored.at("/answers/4a").asText()).as("this person's answers, sent on top of revision 2")
                .isEqualTo("JA");
        browser.wait(b -> b.findElements(By.cssSelector("#history tr[data-action='AMENDED']")).size() == 2);
    }

    @Test
    @Order(4)
    void aUnitOfAnotherRegionIsRefusedByTheServerAndThePageSaysSo() {
        browser.driver().get(page + "?campaignId=" + CAMPAIGN + "&unitId=" + OTHER_REGION_UNIT);
        browser.wait(b -> b.findElement(By.id("signin")).isDisplayed());
        // Keycloak's session signs the reporter in again without the login form; the choice survives the round trip
        browser.driver().findElement(By.id("signin")).click();
        browser.wait(b -> REPORTER.equals(browser.text(By.id("user"))));
        browser.wait(b -> !b.findElements(By.cssSelector("[data-item='3']")).isEmpty());
        fill("/answers/3", "WHOLE_PERIOD");
        browser.wait(b -> "OTHER_REGION".equals(attribute("#problem", "data-code")));
        assertThat(browser.text(By.id("problem"))).contains("annan region");
        assertThat(attribute("#save-status", "data-state")).isEqualTo("error");
        assertThat(given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                .queryParam("unitId", OTHER_REGION_UNIT).get("/api/submissions")
                .then().statusCode(200).extract().jsonPath().getInt("total")).isZero();
        browser.assertAccessible("the questionnaire form refused for another region's unit");
    }

    // ---- data ----

    private static void register(String unitId, String name, String region) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", region, "directPatientContact", true, "designatedYear", 2017))
                .put("/api/units/{id}", unitId)
                .then().statusCode(201);
    }

    /** The unit's submission in the campaign, as the API serves it to an admin. */
    private static JsonNode submission() {
        String id = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                .queryParam("campaignId", CAMPAIGN).queryParam("unitId", UNIT).get("/api/submissions")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(id).as("a submission of " + UNIT).isNotNull();
        try {
            return JSON.readTree(given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin"))
                    .get("/api/submissions/{id}", id).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers as the form sends them: an empty table cell is left out, which the API reads as null. */
    private static JsonNode entered(Map<String, Object> answers) {
        JsonNode tree = JSON.valueToTree(answers);
        tree.forEach(answer -> {
            if (answer.isArray()) {
                answer.forEach(row -> {
                    if (row.isObject()) {
                        List<String> empty = new ArrayList<>();
                        row.fields().forEachRemaining(cell -> {
                            if (cell.getValue().isNull()) {
                                empty.add(cell.getKey());
                            }
                        });
                        ((ObjectNode) row).remove(empty);
                    }
                });
            }
        });
        return tree;
    }

    private static JsonNode storedAnswers() {
        return submission().get("answers");
    }

    // ---- page ----

    private static WebElement item(String id) {
        return browser.driver().findElement(By.cssSelector("[data-item='" + id + "']"));
    }

    /**
     * Enters a value as a person would, through the control the form generated for the JSON Pointer: a radio button
     * or select option for a code, check boxes for a list of codes, a text box for a number or text, the "no data"
     * box for null, a grid row per year or table row (a table row added with its button first).
     */
    private static void fill(String pointer, Object value) {
        if (value instanceof Map<?, ?> cells) {
            cells.forEach((key, cell) -> fill(pointer + "/" + key, cell));
            return;
        }
        if (value instanceof List<?> list) {
            if (list.stream().allMatch(v -> v instanceof String)) {
                list.forEach(code -> click(control(pointer, "[type='checkbox'][value='" + code + "']")));
                return;
            }
            String itemId = pointer.substring("/answers/".length());
            for (int row = 0; row < list.size(); row++) {
                click(browser.driver().findElement(By.cssSelector("button[data-add-row='" + itemId + "']")));
                fill(pointer + "/" + row, list.get(row));
            }
            return;
        }
        if (value == null) {
            List<WebElement> noData = browser.driver().findElements(By.cssSelector("input[data-pointer='" + pointer
                    + "'][data-no-data]"));
            if (noData.isEmpty()) {
                // a table cell left empty: the same as null ("not available"), sent as no key at all
                assertThat(browser.driver().findElement(By.cssSelector("[data-pointer='" + pointer + "']"))
                        .getDomProperty("value")).isEmpty();
            } else {
                click(noData.get(0));
            }
            return;
        }
        List<WebElement> radios = browser.driver().findElements(By.cssSelector("input[type='radio'][data-pointer='"
                + pointer + "'][value='" + value + "']"));
        if (!radios.isEmpty()) {
            click(radios.get(0));
            return;
        }
        List<WebElement> selects = browser.driver().findElements(By.cssSelector("select[data-pointer='" + pointer
                + "']"));
        if (!selects.isEmpty()) {
            new Select(selects.get(0)).selectByValue(String.valueOf(value));
            return;
        }
        WebElement box = browser.driver().findElement(By.cssSelector(":is(input[type='text'], input[type='date'], "
                + "textarea)[data-pointer='" + pointer + "']"));
        scrollTo(box);
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(String.valueOf(value));
    }

    private static WebElement control(String pointer, String filter) {
        return browser.driver().findElement(By.cssSelector("input[data-pointer='" + pointer + "']" + filter));
    }

    private static void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    /** To the middle of the window, clear of the sticky bar with the status and the buttons. */
    private static void scrollTo(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static String attribute(String selector, String name) {
        return (String) browser.script("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", selector, name);
    }

    private static void awaitSaved() {
        browser.wait(b -> "saved".equals(attribute("#save-status", "data-state")));
    }
}
