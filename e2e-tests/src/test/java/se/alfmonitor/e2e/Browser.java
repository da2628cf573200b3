package se.alfmonitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium for the browser tests ({@code -Dalf.e2e.chromium}, {@code -Dalf.e2e.chromedriver};
 * default {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; nothing is downloaded), at a laptop's 1366 × 850,
 * with what every page test does: sign in through Keycloak's login form, wait, run script, take a screenshot and
 * check accessibility with axe-core (from its Maven artifact, injected into the page).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("alf.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("alf.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path TARGET = Path.of(System.getProperty("alf.repository.root", ".."))
            .toAbsolutePath().normalize().resolve("e2e-tests/target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    /** The build passes the version of the axe-core artifact on the test class path (e2e-tests/pom.xml). */
    private static final String AXE = "META-INF/resources/webjars/axe-core/"
            + System.getProperty("alf.e2e.axe-version", "4.6.3") + "/axe.min.js";

    /**
     * Whether a missing Chromium fails the browser tests instead of skipping them: CI sets it (.ci/run exports
     * {@code ALF_E2E_REQUIRE_CHROMIUM=true}), so that a build without the browser tests never passes there.
     */
    static final boolean REQUIRED = Boolean.parseBoolean(System.getProperty("alf.e2e.require-chromium",
            System.getenv().getOrDefault("ALF_E2E_REQUIRE_CHROMIUM", "false")));

    /**
     * Checked before the suite starts (no browser, no reason to start PostgreSQL, Kafka, Keycloak and four services):
     * without Chromium a browser test class is skipped with the reason, or fails where Chromium is {@link #REQUIRED}.
     */
    static final ExecutionCondition INSTALLED = installed(CHROMIUM, CHROMEDRIVER, REQUIRED);

    static ExecutionCondition installed(Path chromium, Path chromedriver, boolean required) {
        return context -> {
            if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
                return ConditionEvaluationResult.enabled("Chromium at " + chromium);
            }
            String missing = "No Chromium at " + chromium + " or no chromedriver at " + chromedriver;
            if (required) {
                // an exception from a condition fails the class: the browser tests are required here
                throw new IllegalStateException(missing + ", and the browser tests are required "
                        + "(ALF_E2E_REQUIRE_CHROMIUM / -Dalf.e2e.require-chromium)");
            }
            String reason = missing
                    + ": the browser tests are skipped (Debian: apt-get install chromium chromium-driver; "
                    + "elsewhere set -Dalf.e2e.chromium and -Dalf.e2e.chromedriver)";
            if (context.getTestMethod().isEmpty()) {
                System.out.println("WARNING: " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        };
    }

    private final WebDriver driver;
    private final String name;

    /** A fresh profile (no cookies, no Keycloak session) with {@code url} open at 1366 × 850 of page. */
    Browser(String name, String url) {
        this.name = name;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,850", "--lang=sv-SE",
                "--user-data-dir=" + freshDirectory(name + "-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        // a laptop screen: the page itself gets 1366 × 850, whatever the window's own bars take
        driver.get(url);
        long barsWidth = (Long) script("return window.outerWidth - window.innerWidth");
        long barsHeight = (Long) script("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1366 + (int) barsWidth, 850 + (int) barsHeight));
    }

    WebDriver driver() {
        return driver;
    }

    /** Keycloak's own login page of the alf-monitor realm, reached from a page's sign-in button. */
    void signIn(String pageUrl, String username, String password) {
        wait(b -> b.getCurrentUrl().contains("/realms/alf-monitor/protocol/openid-connect/auth")
                && !b.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait(b -> b.getCurrentUrl().startsWith(pageUrl) && username.equals(text(By.id("user"))));
        assertThat(driver.getCurrentUrl()).as("the code is taken off the address").doesNotContain("code=");
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** textContent of the first element found, null if none: also for what is folded away or hidden. */
    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getDomProperty("textContent");
    }

    <T> T wait(Function<WebDriver, T> condition) {
        // a condition that caught the page mid-update looks again at the next poll
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    Path screenshot(String file) {
        try {
            Path screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(file);
            Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Screenshot: " + target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core in the page as it is now (WCAG 2.0, 2.1 A and AA and best practices) and asserts that nothing
     * serious or critical is found; every finding is printed, so lesser ones are seen too.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axe());
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] })
                          .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))))
                          .catch((e) => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));
                        """);
        System.out.printf("axe-core on %s: %d violation(s)%n", page, violations.size());
        violations.forEach(v -> System.out.printf("  %s %s: %s %s%n", v.get("impact"), v.get("id"), v.get("help"),
                v.get("nodes")));
        assertThat(violations.stream().filter(v -> "serious".equals(v.get("impact"))
                || "critical".equals(v.get("impact"))).map(v -> v.get("id") + " " + v.get("nodes")).toList())
                .as("serious or critical accessibility violations on " + page).isEmpty();
    }

    private static String axe() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page's console (errors such as a refused Content-Security-Policy show there) and quits. */
    @Override
    public void close() {
        try {
            List<String> console = new ArrayList<>();
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(entry.getLevel() + " " + entry.getMessage());
            }
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-console.log"), console);
        } catch (IOException | RuntimeException e) {
            System.out.println("No browser console log: " + e);
        } finally {
            driver.quit();
        }
    }

    private static Path freshDirectory(String name) {
        try {
            Files.createDirectories(TARGET);
            return Files.createTempDirectory(TARGET, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
