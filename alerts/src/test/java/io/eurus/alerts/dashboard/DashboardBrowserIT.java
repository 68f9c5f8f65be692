package io.eurus.alerts.dashboard;

import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.eurus.alerts.AlertsService;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.Direction;
import io.eurus.events.Evidence;
import io.eurus.events.FeedStatus;
import io.eurus.events.Json;
import io.eurus.events.RuleRef;
import io.eurus.events.Severity;
import io.eurus.events.TermWeight;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import io.eurus.platform.testing.Requirements;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The desk page in a real browser (Debian's Chromium, headless) against the alerts service on a real broker.
 * Screenshots go to {@code alerts/target/dashboard-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  @TempDir
  static Path profile;

  private final String prefix = AlertsHarness.unique("browser");
  private AlertsService service;
  private ChromeDriver browser;

  @BeforeAll
  void openThePage() throws Exception {
    Requirements.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    publishChartData();
    service = AlertsHarness.start(AlertsHarness.settings(prefix, null, Map.of()), Map.of());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // This machine has no network: nothing may phone home, and each run gets a fresh profile.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.resolve("chromium"), "--window-size=1400,1600");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
    browser.get("http://127.0.0.1:" + service.dashboardPort() + "/");
    waitFor(Duration.ofSeconds(15), () -> "live".equals(browser.findElement(By.id("status")).getText()));
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void anAlertPublishedToKafkaAppearsOnTheOpenPageWithoutReload() {
    Object marker = ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 42; return 42;");
    Alert alert = alert(prefix + ":live", 1, AlertType.RULE_MATCH, Severity.HIGH, "Council extends sanctions on Russia");

    publish(alert);

    assertThat(waitForAlert(alert.key()).findElement(By.className("title")).getText()).isEqualTo("Council extends sanctions on Russia");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument")).isEqualTo(marker);
  }

  @Test
  void feedTextWithMarkupIsShownAsTextAndRunsNothing() throws Exception {
    String title = "<img src=x onerror=alert(1)> sanctions";
    ArticleRef article = new ArticleRef("a-x", "<script>window.__pwned = 1</script>", "javascript:window.__pwned=2",
        "<b>Wire</b>", "eu-media", Instant.now(), "<img src=y onerror=alert(2)> new [[sanctions]]");
    Alert hostile = Alert.builder()
        .schemaVersion(1)
        .id(prefix + ":xss#1")
        .key(prefix + ":xss")
        .revision(1)
        .type(AlertType.RULE_MATCH)
        .severity(Severity.CRITICAL)
        .title(title)
        .summary("<script>alert(3)</script>")
        .at(Instant.now())
        .created(Instant.now())
        .bloc("eu-media")
        .rule(new RuleRef("sanctions", "Sanctions"))
        .articles(List.of(article))
        .build();

    publish(hostile);
    waitForAlert(hostile.key()).click();
    waitFor(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector("#detail .article-title")).isEmpty());

    // The list is redrawn as alerts arrive: look the item up afresh for each read.
    assertThat(waitForAlert(hostile.key()).findElement(By.className("title")).getText()).isEqualTo(title);
    assertThat(waitForAlert(hostile.key()).findElement(By.className("summary")).getText()).isEqualTo("<script>alert(3)</script>");
    WebElement shownArticle = browser.findElement(By.cssSelector("#detail .article-title"));
    assertThat(shownArticle.getText()).isEqualTo("<script>window.__pwned = 1</script>");
    assertThat(shownArticle.getTagName()).as("a javascript: link is not a link").isEqualTo("span");
    assertThat(browser.findElement(By.cssSelector("#detail .snippet")).getText()).isEqualTo("<img src=y onerror=alert(2)> new sanctions");
    assertThat(browser.findElement(By.cssSelector("#detail .snippet mark")).getText()).isEqualTo("sanctions");
    assertThat(browser.findElements(By.cssSelector("#alerts img, #detail img, #detail script, #alerts script, #detail b"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    screenshot("hostile-text.png");
  }

  @Test
  void acknowledgingAnAlertMarksItOnThePage() throws Exception {
    Alert alert = alert(prefix + ":ack", 1, AlertType.TONE_SHIFT, Severity.HIGH, "Tone towards Brussels hardens");
    publish(alert);
    waitForAlert(alert.key()).click();
    waitFor(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector("#detail button.ack")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#detail button.ack")).getText()).isEqualTo("Acknowledge");

    browser.findElement(By.cssSelector("#detail button.ack")).click();

    waitFor(Duration.ofSeconds(10), () -> waitForAlert(alert.key()).getAttribute("class").contains("acked"));
    assertThat(waitForAlert(alert.key()).findElement(By.className("ack-state")).getText()).isEqualTo("acknowledged");
    assertThat(browser.findElement(By.cssSelector("#detail button.ack")).isEnabled()).isFalse();
  }

  @Test
  void aPageOnAnotherOriginCannotAcknowledgeAnAlertButTheDashboardStillCan() throws Exception {
    Alert alert = alert(prefix + ":forged", 1, AlertType.RULE_MATCH, Severity.HIGH, "Expulsions announced");
    publish(alert);
    waitForAlert(alert.key());
    String ack = "http://127.0.0.1:" + service.dashboardPort() + "/api/alerts/" + alert.id().replace("#", "%23") + "/ack";
    // What the fault probe did: plain fetches that need no CORS permission, with a text body and with none.
    String page = "<!doctype html><title>cats</title><script>(async () => {"
        + "try { await fetch('" + ack + "', {method: 'POST', mode: 'no-cors', body: '{\"by\":\"mallory\"}'}); } catch (e) {}"
        + "try { await fetch('" + ack + "', {method: 'POST', mode: 'no-cors'}); } catch (e) {}"
        + "try { await fetch('" + ack + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'}, body: '{}'}); } catch (e) {}"
        + "document.title = 'done'; })();</script>";
    String dashboard = browser.getWindowHandle();
    try (OtherSite other = new OtherSite(page)) {
      browser.switchTo().newWindow(WindowType.TAB);
      for (String origin : List.of(other.url("localhost"), other.url("127.0.0.1"))) { // another site; the same site on another port
        browser.get(origin);
        waitFor(Duration.ofSeconds(10), () -> "done".equals(browser.getTitle()));
        assertThat(other.served()).isPositive();
      }
      browser.close();
    } finally {
      browser.switchTo().window(dashboard);
    }
    assertThat(ackOf(alert.key())).as("the other page's requests acknowledged nothing").isNull();

    waitForAlert(alert.key()).click();
    waitFor(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector("#detail button.ack")).isEmpty());
    browser.findElement(By.cssSelector("#detail button.ack")).click();

    waitFor(Duration.ofSeconds(10), () -> waitForAlert(alert.key()).getAttribute("class").contains("acked"));
    assertThat(ackOf(alert.key())).isNotNull();
  }

  @Test
  void aPageOnAnotherOriginCannotMuteAStoryButTheDashboardStillCan() throws Exception {
    String story = "s-" + prefix + "-forged";
    Alert alert = alert(prefix + ":mute", 1, AlertType.RULE_MATCH, Severity.HIGH, "Ambassador summoned").withStoryId(story)
        .withRules(List.of(new io.eurus.events.RuleRef("sanctions", "Sanctions")));
    publish(alert);
    waitForAlert(alert.key());
    String mutes = "http://127.0.0.1:" + service.dashboardPort() + "/api/mutes";
    String body = "{\\\"story\\\":\\\"" + story + "\\\",\\\"for\\\":\\\"4h\\\"}";
    String page = "<!doctype html><title>cats</title><script>(async () => {"
        + "try { await fetch('" + mutes + "', {method: 'POST', mode: 'no-cors', body: '" + body + "'}); } catch (e) {}"
        + "try { await fetch('" + mutes + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'}, body: '" + body
        + "'}); } catch (e) {}"
        + "document.title = 'done'; })();</script>";
    String dashboard = browser.getWindowHandle();
    try (OtherSite other = new OtherSite(page)) {
      browser.switchTo().newWindow(WindowType.TAB);
      for (String origin : List.of(other.url("localhost"), other.url("127.0.0.1"))) {
        browser.get(origin);
        waitFor(Duration.ofSeconds(10), () -> "done".equals(browser.getTitle()));
      }
      browser.close();
    } finally {
      browser.switchTo().window(dashboard);
    }
    assertThat(mutesInForce()).as("the other page's requests muted nothing").isEmpty();

    waitForAlert(alert.key()).click();
    waitFor(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector("#detail button.mute")).isEmpty());
    browser.findElement(By.cssSelector("#detail button.mute")).click();

    waitFor(Duration.ofSeconds(10), () -> mutesInForce().contains("\"" + story + "\""));
  }

  private String mutesInForce() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.dashboardPort() + "/api/mutes"))
          .build(), HttpResponse.BodyHandlers.ofString()).body().replace("[]", "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The alert's acknowledgement as the API shows it, or null. */
  private JsonNode ackOf(String key) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.dashboardPort() + "/api/alerts")).build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode shown : Json.mapper().readTree(response.body())) {
      if (shown.path("key").asText().equals(key)) {
        return shown.hasNonNull("ack") ? shown.get("ack") : null;
      }
    }
    throw new AssertionError("alert " + key + " is not listed");
  }

  /** A web server on another port: the page an analyst happens to open while the desk is open in another tab. */
  private static final class OtherSite implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();

    OtherSite(String page) throws java.io.IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        served.incrementAndGet();
      });
      server.start();
    }

    String url(String host) {
      return "http://" + host + ":" + server.getAddress().getPort() + "/cats.html";
    }

    int served() {
      return served.get();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void theChartsAndTheFeedTableRenderWithoutPolicyViolations() throws Exception {
    publish(toneShift());
    publish(Alert.builder()
        .schemaVersion(1)
        .id(prefix + ":visas#1")
        .key(prefix + ":visas")
        .revision(1)
        .type(AlertType.RULE_MATCH)
        .severity(Severity.LOW)
        .title("Council authorises visa talks")
        .summary("Rule 'Visas and travel' matched.")
        .at(Instant.now())
        .created(Instant.now())
        .bloc("eu-media")
        .rule(new RuleRef("visas", "Visas and travel"))
        .articles(List.of())
        .build());
    waitForAlert(prefix + ":shift");
    waitFor(Duration.ofSeconds(15), () -> browser.findElements(By.cssSelector("#chart-tone canvas")).size() == 1
        && browser.findElements(By.cssSelector("#chart-volume canvas")).size() == 1
        && !browser.findElements(By.cssSelector("#chart-rules li")).isEmpty()
        && browser.findElement(By.id("feeds")).getText().contains(prefix + "-feed"));

    assertThat(browser.findElement(By.id("chart-tone")).getText()).contains("eu-media", "russia-state", "baseline");
    waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.id("chart-rules")).getText().contains("Visas and travel"));
    assertThat(browser.findElement(By.id("feeds")).getText()).contains("failing ×3", "HTTP 503");
    waitForAlert(prefix + ":shift").click();
    waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.id("detail")).getText().contains("Deviation"));
    assertThat(browser.findElement(By.id("detail")).getText()).contains("-3.2 σ", "sanctions -0.60", "Baseline");
    List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    // Charts redraw at most once a second: the shift marker is in the screenshot once the redraw after it is done.
    waitFor(Duration.ofSeconds(5), () -> "drawn".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-charts")));
    screenshot("desk.png");
  }

  @Test
  void aFeedRemovedFromTheListDisappearsFromTheOpenPage() {
    String gone = prefix + "-gone";
    AlertsHarness.publish(Topics.FEED_STATUS, gone, FeedStatus.builder()
        .schemaVersion(1)
        .feedId(gone)
        .url("https://news.example/gone.xml")
        .bloc("eu-media")
        .checkedAt(Instant.now())
        .lastSuccess(Instant.now())
        .consecutiveFailures(0)
        .itemsInLastPoll(5)
        .itemsPerDay(12.0)
        .averageItemIntervalSeconds(7200.0)
        .newestItem(Instant.now())
        .malformed(false)
        .build());
    waitFor(Duration.ofSeconds(15), () -> browser.findElement(By.id("feeds")).getText().contains(gone));
    Object marker = ((JavascriptExecutor) browser).executeScript("window.__beforeRemoval = 7; return 7;");

    AlertsHarness.publish(Topics.FEED_STATUS, gone, null); // ingest's tombstone once the feed left its list

    waitFor(Duration.ofSeconds(15), () -> !browser.findElement(By.id("feeds")).getText().contains(gone));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__beforeRemoval")).as("no reload").isEqualTo(marker);
  }

  private void publishChartData() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    for (int hour = 12; hour > 0; hour--) {
      Instant start = now.minus(Duration.ofHours(hour));
      double drift = hour < 4 ? -0.35 : 0.0;
      publishTone(ToneWindow.builder()
          .schemaVersion(1)
          .series(prefix + "/eu-media")
          .profile("eu-russia")
          .bloc("eu-media")
          .windowStart(start)
          .windowEnd(start.plusSeconds(3600))
          .articles(10 + hour % 4)
          .stories(7 + hour % 3)
          .meanTone(-0.1 + drift + 0.02 * (hour % 3))
          .toneVariance(0.01)
          .baselineMean(-0.1)
          .baselineStdDev(0.06)
          .closed(true)
          .build());
      publishTone(ToneWindow.builder()
          .schemaVersion(1)
          .series(prefix + "/russia-state")
          .profile("eu-russia")
          .bloc("russia-state")
          .windowStart(start)
          .windowEnd(start.plusSeconds(3600))
          .articles(8 + hour % 5)
          .stories(5 + hour % 2)
          .meanTone(-0.3 + 0.03 * (hour % 2))
          .toneVariance(0.01)
          .baselineMean(-0.3)
          .baselineStdDev(0.05)
          .closed(true)
          .build());
    }
    AlertsHarness.publish(Topics.FEED_STATUS, prefix + "-feed", FeedStatus.builder()
        .schemaVersion(1)
        .feedId(prefix + "-feed")
        .url("https://news.example/feed.xml")
        .bloc("eu-media")
        .checkedAt(Instant.now())
        .lastSuccess(Instant.now().minusSeconds(900))
        .lastError(Instant.now())
        .lastErrorReason("HTTP 503")
        .consecutiveFailures(3)
        .itemsInLastPoll(0)
        .itemsPerDay(24.0)
        .averageItemIntervalSeconds(3600.0)
        .newestItem(Instant.now().minusSeconds(1200))
        .malformed(false)
        .build());
  }

  private void publishTone(ToneWindow window) {
    AlertsHarness.publish(Topics.TONE_WINDOWS, ToneWindow.keyOf(window.series(), window.windowStart()), window);
  }

  private Alert toneShift() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    Evidence evidence = Evidence.builder()
        .series(prefix + "/eu-media")
        .windowStart(start)
        .windowEnd(start.plusSeconds(3600))
        .baseline(-0.1)
        .baselineStdDev(0.06)
        .current(-0.45)
        .deviations(-3.2)
        .articleCount(12)
        .storyCount(8)
        .terms(List.of(new TermWeight("sanctions", -0.6), new TermWeight("expulsion", -0.4)))
        .build();
    return Alert.builder()
        .schemaVersion(1)
        .id(prefix + ":shift#1")
        .key(prefix + ":shift")
        .revision(1)
        .type(AlertType.TONE_SHIFT)
        .severity(Severity.HIGH)
        .title("EU media tone on Russia turns sharply negative")
        .summary("Tone fell 3.2 standard deviations below its baseline.")
        .at(start)
        .created(Instant.now())
        .bloc("eu-media")
        .direction(Direction.NEGATIVE)
        .articles(List.of())
        .evidence(evidence)
        .build();
  }

  private WebElement waitForAlert(String key) {
    By selector = By.cssSelector("#alerts li[data-key='" + key + "']");
    waitFor(Duration.ofSeconds(15), () -> !browser.findElements(selector).isEmpty());
    return browser.findElement(selector);
  }

  private void waitFor(Duration timeout, java.util.function.Supplier<Boolean> condition) {
    new WebDriverWait(browser, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> condition.get());
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
