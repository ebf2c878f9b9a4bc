package io.kommander.supportbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.TestConfigs;
import io.kommander.supportbot.testing.Tools;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The support page in a real headless browser (Debian's Chromium and ChromeDriver, which .ci/run
 * installs; skipped where they are absent): the matrix, the forms, escaping, and screenshots at
 * phone and desktop widths under {@code target/screenshots/}.
 */
class SupportPageBrowserTest {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");
  static Bot bot;
  static WebDriver browser;
  static String base;
  static final java.util.logging.Logger SELENIUM_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  @BeforeAll
  static void start() throws Exception {
    Tools.require(
        CHROMIUM.canExecute() && DRIVER.canExecute(), "Debian's chromium and chromium-driver");
    PolicyService policy =
        new PolicyService(
            TestCatalogs.april(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    bot = Bot.start(TestConfigs.withoutSlack(), "127.0.0.1", () -> policy);
    base = "http://127.0.0.1:" + bot.port();
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE); // no CDP bindings for Debian's 156
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    // The console, to see what the Content-Security-Policy blocks.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (bot != null) {
      bot.close();
    }
  }

  /** Submits a form and waits for the answer page to replace this one. */
  static void submit(String formId) {
    WebElement html = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector("#" + formId + " button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    // Mid-navigation Chromium can answer "node does not belong to the document" instead of
    // "stale element": the same moment, reported differently; the next poll sees it stale.
    wait.ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(html));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
  }

  static List<String> supportedRows() {
    return browser.findElements(By.cssSelector("#matrix tbody tr")).stream()
        .filter(r -> r.findElement(By.cssSelector(".status")).getText().startsWith("supported"))
        .map(r -> r.findElement(By.cssSelector("th")).getText())
        .toList();
  }

  @Test
  void theMatrixShowsTodaysSupportedLinesInWordsAndTheStaleBanner() {
    browser.get(base + "/");
    assertThat(supportedRows()).containsExactly("NKP 2.17", "NKP 2.16", "NKP 2.15");
    WebElement expired = browser.findElement(By.xpath("//tr[th='DKP 2.2']//span"));
    assertThat(expired.getText()).isEqualTo("expired"); // colour and text, never colour alone
    assertThat(browser.findElement(By.id("stale")).getText())
        .contains("if a line newer than NKP 2.17 has shipped, NKP 2.15 is no longer supported.");
    assertThat(browser.findElements(By.cssSelector("#matrix thead th"))).hasSize(6);
  }

  @Test
  void theFormsAnswerAQuestionAndShowAnUpgradePath() {
    browser.get(base + "/");
    browser.findElement(By.id("q")).sendKeys("kommander 2.15");
    submit("ask-form");
    assertThat(browser.findElement(By.id("answer")).getText())
        .startsWith("NKP 2.15: supported")
        .contains("Kommander 2.15 ships inside NKP 2.15");
    browser.get(base + "/"); // each form from a freshly loaded page
    browser.findElement(By.id("from")).sendKeys("dkp 2.5");
    browser.findElement(By.id("to")).sendKeys("nkp 2.17");
    submit("upgrade-form");
    assertThat(browser.findElement(By.id("answer")).getText())
        .contains("Upgrade path from DKP 2.5 to NKP 2.17: 9 hops")
        .contains("4. NKP 2.12.2, the rename (expired).");
    browser.get(base + "/");
    browser.findElement(By.id("kommander")).sendKeys("1.2");
    browser.findElement(By.id("konvoy")).sendKeys("1.7");
    submit("pair-form");
    assertThat(browser.findElement(By.id("answer")).getText())
        .startsWith("No: Kommander 1.2 on Konvoy 1.7 is not supported");
  }

  @Test
  void aHostileQueryIsShownAsTextNotRun() {
    String hostile = "<img id=pwned src=x onerror=document.title='pwned'> 2.15";
    browser.get(base + "/?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    assertThat(browser.findElements(By.id("pwned"))).isEmpty();
    assertThat(browser.getTitle()).doesNotContain("pwned");
    assertThat(browser.findElement(By.id("answer-title")).getText()).contains("<img id=pwned");
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(hostile);
  }

  @Test
  void aVersionHasItsOwnPageAndScreenshotsAreTakenAtPhoneAndDesktopWidths() throws Exception {
    browser.get(base + "/nkp/2.15");
    assertThat(browser.findElement(By.id("answer")).getText()).startsWith("NKP 2.15: supported");
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    browser.get(base + "/?q=nkp+2.15");
    for (int[] size : new int[][] {{390, 2300}, {1280, 1750}}) {
      browser.manage().window().setSize(new Dimension(size[0], size[1]));
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Path to = dir.resolve("support-page-" + size[0] + ".png");
      Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(to)).isGreaterThan(10_000);
    }
    // Readable on a phone: the page itself does not scroll sideways (the table may, in its box).
    browser.manage().window().setSize(new Dimension(390, 844));
    Object overflow =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    assertThat(overflow).isEqualTo(Boolean.TRUE);
  }

  /** axe-core from src/test/js (npm ci --prefix src/test/js), injected into each page. */
  static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

  /** The WCAG 2.1 A and AA violations axe-core finds on the page now: rule id and its targets. */
  @SuppressWarnings("unchecked")
  static List<String> wcagViolations() throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(Files.readString(AXE));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag',"
                    + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id,"
                    + " targets: v.nodes.map(n => n.target.join(' '))}))));");
    return violations.stream().map(v -> v.get("id") + " at " + v.get("targets")).toList();
  }

  @Test
  void thePagesHaveNoWcag21AOrAaViolationsAtPhoneAndDesktopWidths() throws Exception {
    Tools.require(Files.exists(AXE), "axe-core in src/test/js (npm ci --prefix src/test/js)");
    for (String page : List.of("/", "/nkp/2.16", "/?q=nkp+2.15", "/?from=dkp+2.5&to=nkp+2.17")) {
      for (int width : new int[] {390, 1280}) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(base + page);
        assertThat(wcagViolations()).as("%s at %d px", page, width).isEmpty();
      }
    }
  }

  /**
   * The page's Content-Security-Policy lets its own stylesheet and forms through and nothing else,
   * on a first load and on a revalidated one (a browser takes a 304's headers onto its cached copy:
   * a 304 with the API's locked-down policy once blocked the stylesheet and every form).
   */
  @Test
  void theContentSecurityPolicyBlocksNothingThePageUses() {
    browser.manage().logs().get(LogType.BROWSER); // what earlier tests left
    for (int load = 0; load < 2; load++) { // the second is a 304, then the cached copy
      browser.get(base + "/");
      assertThat(browser.findElement(By.tagName("h1")).getCssValue("font-size")).isEqualTo("24px");
    }
    browser.findElement(By.id("kommander")).sendKeys("1.4");
    browser.findElement(By.id("konvoy")).sendKeys("1.8");
    submit("pair-form");
    browser.get(base + "/nkp/2.16");
    assertThat(
            browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy"))
                .toList())
        .isEmpty();
  }
}
