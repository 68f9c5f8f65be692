package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.eurus.cli.testing.RunningEurus;
import io.eurus.platform.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What a newcomer sees after {@code ./eurus run --demo}: the packaged jar in its own process, offline, its dashboard in
 * Debian's Chromium (headless). Within two minutes of the launch the page lists at least one alert of each kind the
 * demo is there to show — a story's rule match, a tone shift, a burst of coverage or a breaking story, a divergence of
 * the two sides, and a feed in trouble — and the tone chart spans the demo's days, not years. A screenshot goes to
 * {@code cli/target/dashboard-screenshots/demo.png}.
 */
class DemoDashboardBrowserIT {

  private static final Path JAR = Path.of("target", "eurus.jar");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WITHIN = Duration.ofMinutes(2);

  /** Each kind the demo shows, as the alert keys on the page start. */
  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("story or rule alert", List.of("RULE_MATCH:"));
    KINDS.put("tone shift", List.of("TONE_SHIFT:"));
    KINDS.put("burst or breaking story", List.of("VOLUME_SPIKE:", "BREAKING_STORY:"));
    KINDS.put("divergence of the sides", List.of("TONE_DIVERGENCE:"));
    KINDS.put("feed in trouble", List.of("FEED_FAILING:", "FEED_SILENT:"));
  }

  @TempDir
  Path tmp;

  @Test
  void demoDashboardShowsEveryKindOfDetectionWithinTwoMinutes() throws Exception {
    assumeThat(Files.exists(JAR)).as("the packaged jar (mvn package) at %s", JAR.toAbsolutePath()).isTrue();
    Requirements.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    long launched = System.nanoTime();
    RunningEurus eurus = new RunningEurus(new ProcessBuilder(RunningEurus.javaBin(), "-Xmx512m",
        "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString(), "run", "--demo", "--port", "0", "--ops-port", "0")
        .redirectErrorStream(true).start());
    ChromeDriver browser = null;
    try {
      int dashboardPort = eurus.dashboardPort(WITHIN);
      browser = chromium();
      browser.get("http://127.0.0.1:" + dashboardPort + "/");
      ChromeDriver page = browser;
      Duration left = WITHIN.minus(Duration.ofNanos(System.nanoTime() - launched));

      try {
        await().atMost(left).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
            .untilAsserted(() -> assertThat(missing(page)).as("kinds not on the page yet; output:%n%s", eurus.output())
                .isEmpty());
      } finally {
        screenshot(page);
      }
      System.out.printf("every kind on the demo's dashboard %.1f s after the launch%n",
          (System.nanoTime() - launched) / 1e9);
      // The charts redraw at most once a second: let the last alerts' markers land before judging and saving them.
      await().pollDelay(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
          .until(() -> !page.findElements(By.cssSelector("#chart-tone canvas")).isEmpty());
      String from = page.findElement(By.id("chart-tone")).getAttribute("data-from");
      String to = page.findElement(By.id("chart-tone")).getAttribute("data-to");
      double spanHours = (Long.parseLong(to) - Long.parseLong(from)) / 3600.0;
      assertThat(spanHours).as("hours spanned by the tone chart's time axis: the demo's days, not years")
          .isBetween(1.0, 24.0 * 4);
      screenshot(page);
    } finally {
      if (browser != null) {
        browser.quit();
      }
      eurus.process().destroy();
      if (!eurus.process().waitFor(15, TimeUnit.SECONDS)) {
        eurus.process().destroyForcibly();
      }
      eurus.joinOutput();
    }
  }

  /** The kinds of which the page lists no alert yet. */
  private static List<String> missing(ChromeDriver page) {
    List<String> keys = page.findElements(By.cssSelector("#alerts li[data-key]")).stream()
        .map(item -> item.getAttribute("data-key")).toList();
    List<String> missing = new ArrayList<>();
    KINDS.forEach((kind, prefixes) -> {
      if (keys.stream().noneMatch(key -> prefixes.stream().anyMatch(key::startsWith))) {
        missing.add(kind);
      }
    });
    return missing;
  }

  private ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // No network here: nothing may phone home, and each run gets a fresh profile.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + tmp.resolve("chromium"), "--window-size=1400,1800");
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(driver, options);
  }

  private static void screenshot(ChromeDriver page) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
    Files.copy(page.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve("demo.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
