package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian's, through its chromedriver) for the page tests: log in, find
 * and click by id, screenshots into {@code target/screenshots}, the i18n checks and axe-core.
 *
 * <p>Call {@link #assumeInstalled()} in {@code @BeforeAll}: it skips with a message when Chromium
 * is missing, except under CI ({@code CI=true}), where that is a failure.
 */
public final class Browser implements AutoCloseable {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static String axeSource;

  public final ChromeDriver driver;
  public final WebDriverWait wait;
  private final String baseUrl;

  private Browser(String baseUrl, int width, int height, String language) {
    this.baseUrl = baseUrl;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(5));
  }

  /** Skips the calling test class when Chromium is absent, fails under CI. */
  public static void assumeInstalled() {
    boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "Chromium and chromedriver are required under CI: apt-get install chromium"
              + " chromium-driver");
    }
    Assumptions.assumeTrue(
        present, "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing");
  }

  /** A desktop-sized browser (1400×900) asking for English pages. */
  public static Browser open(TestServer server) {
    return open(server, 1400, 900, "en-US");
  }

  /** A browser of this window size and {@code Accept-Language} (e.g. 390×844 for a phone). */
  public static Browser open(TestServer server, int width, int height, String language) {
    return new Browser(server.baseUrl(), width, height, language);
  }

  /** A browser on any server (the demo, for the page timings). */
  public static Browser open(String baseUrl, int width, int height, String language) {
    return new Browser(baseUrl, width, height, language);
  }

  /** Opens {@code page} and logs in there with the test password. */
  public void logIn(String page, String username) {
    logIn(page, username, TestServer.PASSWORD);
  }

  public void logIn(String page, String username, String password) {
    driver.get(baseUrl + page);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  /** Clicks the element with this id, again if the page re-rendered it in between. */
  public void click(String id) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id(id)).click();
              return true;
            });
  }

  public WebElement find(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void shot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page's own i18n check: no message key without a text in the user's language, and no {@code
   * ⟦key⟧} placeholder rendered.
   */
  public void assertFullyTranslated() {
    assertThat(driver.executeScript("return window.ccMissingKeys ? window.ccMissingKeys() : []"))
        .asList()
        .as("message keys without a translation")
        .isEmpty();
    assertThat(bodyText()).doesNotContain("⟦");
  }

  /** Latin words a zh-TW page may show: names of things that have no translation. */
  private static final java.util.Set<String> LATIN_ALLOWED =
      java.util.Set.of(
          "VIP", "SLA", "KB", "IVR", "PBX", "AMI", "FastAGI", "PJSIP", "CSV", "API", "Wi-Fi",
          "English", "Mesh");

  private static final java.util.Set<String> ENDONYMS = java.util.Set.of("繁體中文", "简体中文", "中文(台灣)");

  /**
   * Fails when the page shows words of the other language outside user data: on a zh-TW page no
   * Latin word of three letters or more except {@link #LATIN_ALLOWED} and the given user data
   * (names, titles, numbers people typed); on an en page no Chinese character outside user data.
   */
  public void assertInLanguage(String language, java.util.Collection<String> userData) {
    String text = bodyText();
    for (String data : userData) {
      text = text.replace(data, " ");
    }
    java.util.List<String> foreign = new java.util.ArrayList<>();
    if (language.equals("zh-TW")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("[A-Za-z][A-Za-z-]{2,}").matcher(text);
      while (m.find()) {
        if (!LATIN_ALLOWED.contains(m.group())) {
          foreign.add(m.group());
        }
      }
    } else {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{IsHan}+").matcher(text);
      while (m.find()) {
        // A language's own name (in a language picker) is written in that language.
        if (ENDONYMS.stream().noneMatch(name -> name.contains(m.group()))) {
          foreign.add(m.group());
        }
      }
    }
    assertThat(foreign).as("words not in " + language + " outside user data").isEmpty();
  }

  /**
   * Runs axe-core (vendored in test resources) on the current page and fails on any critical or
   * serious violation, naming the rule and the elements.
   */
  public void assertAccessible(String state) {
    driver.executeScript(axe());
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done("
                + "r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ '"
                + " + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<?>) result).as("axe-core violations on " + state).isEmpty();
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
