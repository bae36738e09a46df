package org.factdesk.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium without
 * downloading anything, with the few steps the browser tests repeat: sign in and out, and full-page screenshots under
 * {@code target/screenshots/}. Where the browser is missing the test is skipped, except in CI, where it fails.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final String INSTALL = "apt-get install chromium chromium-driver";

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    private final String base;
    private final Path profile;
    /** axe-core's serious and critical findings on every page captured, by capture name. */
    private final List<String> accessibility = new ArrayList<>();
    /** What the pages' scripts (and the resources they load) reported as errors, by capture name. */
    private final List<String> scriptErrors = new ArrayList<>();

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("factdesk-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=en-GB");
        // The console, so a script error on any page a story captures fails it (see scriptErrors()).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(1280, 900));
        // Generous: CI machines and parallel builds can be slow; a passing step never waits this long.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Starts the browser against FactDesk on {@code port}; skips (or in CI fails) when Chromium is not installed. */
    public static Browser open(int port) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium and its driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); run: " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI needs a real browser. " + message);
            }
            Assumptions.abort("Browser test skipped. " + message);
        }
        return new Browser("http://localhost:" + port);
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void signIn(String user) {
        go("/login");
        wait.until(d -> "complete".equals(script("return document.readyState")));
        WebElement name = find("#username");
        name.clear();
        name.sendKeys(user);
        WebElement password = find("#password");
        password.clear();
        password.sendKeys("demo");
        find("form[action$='/login'] button[type=submit]").click();
        try {
            wait.until(d -> !path().startsWith("/login"));
        } catch (RuntimeException e) {
            screenshot("failed-sign-in-" + user);
            throw new AssertionError(user + " could not sign in; the page at " + path() + " says: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    public void signOut() {
        find("form[action$='/logout'] button").click();
        wait.until(d -> path().startsWith("/login?logout"));
    }

    /**
     * Selects the first occurrence of {@code text} in the article body, scrolled into view, as a person dragging the
     * mouse would (the page hears the mouse being let go).
     */
    public void selectInText(String text) {
        Object found = script("""
                const text = arguments[0];
                const body = document.querySelector('[data-article-body]');
                const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const at = node.data.indexOf(text);
                  if (at >= 0) {
                    node.parentElement.scrollIntoView({block: 'center'});
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + text.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    node.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                    return true;
                  }
                }
                return false;
                """, text);
        if (!Boolean.TRUE.equals(found)) {
            throw new AssertionError("'" + text + "' is not in the article's text");
        }
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves the whole page, not just the window, as {@code target/screenshots/<name>.png}, and runs axe-core's
     * accessibility rules on it, so that every page a story looks at is also checked.
     */
    public Path screenshot(String name) {
        checkAccessibility(name);
        checkConsole(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            byte[] png;
            try {
                // The window's width, scroll bar included: a capture beyond the viewport lays the page out without one.
                Number width = (Number) script("return Math.max(window.innerWidth, document.documentElement.scrollWidth)");
                Number height = (Number) script("return Math.min(document.documentElement.scrollHeight, 4000)");
                Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                                "height", height, "scale", 1)));
                png = Base64.getDecoder().decode((String) shot.get("data"));
            } catch (RuntimeException e) {
                png = driver.getScreenshotAs(OutputType.BYTES);
            }
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the console's errors since the last look: script errors, and resources that failed to load, but not a
     * page or a script's request that FactDesk refused on purpose (a 4xx answer it explains, such as a 409 when
     * someone else got there first, or the page itself in words for a revision that does not exist), which the
     * browser logs as well. A resource a page needs and cannot find (404) is kept.
     */
    public void checkConsole(String name) {
        String page = driver.getCurrentUrl();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean answered = message.contains("Failed to load resource: the server responded with a status of 4");
            // The page itself: FactDesk's own page in words for something missing or refused, opened on purpose.
            boolean refusal = answered && (!message.contains("status of 404") || message.startsWith(page + " "));
            if ("SEVERE".equals(entry.getLevel().getName()) && !refusal) {
                scriptErrors.add(name + " (" + path() + "): " + message);
            }
        }
    }

    /** The console errors of every page captured so far. */
    public List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    /**
     * axe-core (Deque's rules, WCAG 2.x A and AA) on the page as it stands; serious and critical findings are kept
     * for {@link #accessibilityFindings()} and written to {@code target/screenshots/axe.txt}.
     */
    public void checkAccessibility(String name) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        for (Rule rule : results.getViolations()) {
            if (!"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact())) {
                continue;
            }
            for (CheckedNode node : rule.getNodes()) {
                accessibility.add(name + " (" + path() + "): " + rule.getImpact() + " " + rule.getId() + " — "
                        + rule.getHelp() + " at " + node.getTarget() + ": " + node.getFailureSummary());
            }
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("axe.txt"), accessibility);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every serious or critical axe-core finding on the pages checked so far; a page in good order adds none. */
    public List<String> accessibilityFindings() {
        return List.copyOf(accessibility);
    }

    public void phoneWidth(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
