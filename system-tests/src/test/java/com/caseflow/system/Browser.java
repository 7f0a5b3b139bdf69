package com.caseflow.system;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless at 1366×768 (the smallest screen the centre uses), driven through Debian's chromedriver
 * with no network look-ups; a fresh profile each time, so every browser is a new person at a new desk.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous for a loaded two-core machine running the whole system beside two browsers. */
    static final Duration WAIT = Duration.ofSeconds(90);

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(String base) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run installs them)");
        }
        this.base = base;
        profile = Files.createTempDirectory("caseflow-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static Browser open(String base) {
        try {
            return new Browser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in at the identity server's login page, as a person would, and comes back to the console. */
    Browser signIn(String staffId) {
        driver.get(base + "/");
        until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(staffId);
        driver.findElement(By.id("password")).sendKeys(DemoPasswords.of(staffId));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(d -> d.getCurrentUrl().startsWith(base) && !d.findElements(By.cssSelector("header.top .who")).isEmpty());
        return this;
    }

    void signOut() {
        driver.findElement(By.cssSelector("header.top form button")).click();
        until(d -> d.getCurrentUrl().startsWith(base + "/signed-out"));
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits for the condition; an element that went stale (the page navigated or htmx swapped it while it was read)
     * is looked for again, as a person would look again.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** A PNG of the screen as the user sees it on arriving (scrolled to the top), under target/screenshots. */
    void screenshot(String name) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("caseflow.screenshots", "target/screenshots")));
            Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No serious or critical accessibility violation on the screen as it is now (axe-core, WCAG rules). */
    void assertAccessible(String screen) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on %s: %s", screen, serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "))).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind harms nothing
        }
    }
}
