package io.eurus.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.events.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard page open in headless Chromium, driven over the W3C WebDriver protocol by Debian's
 * {@code chromedriver} (plain HTTP, so the benchmark needs no Selenium in the jar). A MutationObserver put
 * into the page notes when each alert's list item first appears: that is "the alert is on the open page".
 */
final class PageProbe implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final String OBSERVE = "window.__seen = {};"
      + "const list = document.getElementById('alerts');"
      + "new MutationObserver(() => { const now = Date.now();"
      + "  for (const li of list.children) { const id = li.dataset.alertId; if (id && !(id in window.__seen)) window.__seen[id] = now; }"
      + "}).observe(list, {childList: true}); return true;";

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Path profile;
  private String session;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  PageProbe(String pageUrl) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    profile = Files.createTempDirectory("eurus-bench-chromium");
    driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        call("GET", "/status", null);
        break;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("chromedriver did not start");
        }
        Thread.sleep(100);
      }
    }
    Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000"));
    JsonNode created = call("POST", "/session", Map.of("capabilities",
        Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
    session = created.path("value").path("sessionId").asText();
    call("POST", "/session/" + session + "/url", Map.of("url", pageUrl));
    long ready = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!"live".equals(script("return document.getElementById('status').textContent").asText())) {
      if (System.nanoTime() > ready) {
        throw new IllegalStateException("the dashboard page did not go live");
      }
      Thread.sleep(100);
    }
    script(OBSERVE);
  }

  /** When each alert id first appeared on the page, epoch milliseconds. */
  Map<String, Long> seen() throws Exception {
    Map<String, Long> seen = new HashMap<>();
    script("return window.__seen").fields().forEachRemaining(e -> seen.put(e.getKey(), e.getValue().asLong()));
    return seen;
  }

  private JsonNode script(String script) throws Exception {
    return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of())).path("value");
  }

  private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
          .header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } finally {
      driver.destroy();
      driver.waitFor();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
