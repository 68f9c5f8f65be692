package io.eurus.alerts.dashboard;

import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.alerts.AlertsService;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.FeedStatus;
import io.eurus.events.Json;
import io.eurus.events.Severity;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dashboard's API over real HTTP on a real broker: list, live stream, acknowledgements, charts data, access. */
class DashboardIT {

  private static final String TOKEN = "desk-token-0123456789abcdef";
  private final HttpClient http = HttpClient.newHttpClient();

  private static AlertsService start(String prefix, Map<String, String> extra) {
    return AlertsHarness.start(AlertsHarness.settings(prefix, null, extra), Map.of());
  }

  private HttpResponse<String> get(AlertsService service, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.dashboardPort() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(AlertsService service, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.dashboardPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode alertsAbout(AlertsService service, String prefix, String query) throws Exception {
    JsonNode all = Json.mapper().readTree(get(service, "/api/alerts" + query).body());
    var mine = Json.mapper().createArrayNode();
    all.forEach(a -> {
      if (a.path("key").asText().startsWith(prefix)) {
        mine.add(a);
      }
    });
    return mine;
  }

  @Test
  void theApiListsTheLatestRevisionOfEachAlertNewestFirstAndFilters() throws Exception {
    String prefix = AlertsHarness.unique("list");
    try (AlertsService service = start(prefix, Map.of())) {
      Alert older = alert(prefix + ":old", 1, AlertType.RULE_MATCH, Severity.LOW, "older");
      Alert shift = alert(prefix + ":shift", 1, AlertType.TONE_SHIFT, Severity.HIGH, "shift");
      Alert shiftUpdate = alert(prefix + ":shift", 2, AlertType.TONE_SHIFT, Severity.HIGH, "shift, updated");
      older = withAt(older, Instant.now().minusSeconds(60));
      publish(older, shift, shiftUpdate);

      await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(service, prefix, "").size() == 2
          && alertsAbout(service, prefix, "").get(0).path("revision").asInt() == 2);
      JsonNode alerts = alertsAbout(service, prefix, "");

      assertThat(alerts.get(0).path("title").asText()).isEqualTo("shift, updated");
      assertThat(alerts.get(1).path("title").asText()).isEqualTo("older");
      assertThat(alertsAbout(service, prefix, "?type=TONE_SHIFT")).hasSize(1);
      assertThat(alertsAbout(service, prefix, "?severity=HIGH")).hasSize(1);
      assertThat(alertsAbout(service, prefix, "?bloc=eu-media")).hasSize(2);
      assertThat(alertsAbout(service, prefix, "?bloc=russia-state")).isEmpty();
      assertThat(get(service, "/api/alerts?type=NOPE").statusCode()).isEqualTo(400);
      HttpResponse<String> page = get(service, "/");
      assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>").doesNotContain("<script>");
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.CONTENT_SECURITY_POLICY);
      assertThat(get(service, "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theStreamSendsASnapshotThenEachNewAlertAsItArrives() throws Exception {
    String prefix = AlertsHarness.unique("stream");
    try (AlertsService service = start(prefix, Map.of())) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.dashboardPort() + "/api/alerts/stream"))
          .header("Accept", "text/event-stream").build();
      InputStream stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
          in.lines().forEach(lines::add);
        } catch (Exception e) {
          // closed
        }
      });
      reader.setDaemon(true);
      reader.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: snapshot"));

      publish(alert(prefix + ":live", 1, AlertType.RULE_MATCH, Severity.HIGH, "live alert"));

      await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(prefix + ":live#1")));
      int at = lines.indexOf(lines.stream().filter(l -> l.contains(prefix + ":live#1")).findFirst().orElseThrow());
      assertThat(lines.get(at - 1)).isEqualTo("event: alert");
      stream.close();
    }
  }

  @Test
  void manyStreamClientsComingAndGoingLeaveNoThreadBehind() throws Exception {
    String prefix = AlertsHarness.unique("clients");
    try (AlertsService service = start(prefix, Map.of())) {
      openAndCloseStreams(service, 20); // warm-up: pools the server keeps anyway
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      await().atMost(Duration.ofSeconds(30)).until(() -> service.dashboardStreams() == 0);
      int before = threads.getThreadCount();

      for (int round = 0; round < 3; round++) {
        openAndCloseStreams(service, 150);
      }

      await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
        assertThat(service.dashboardStreams()).as("streams still watched").isZero();
        assertThat(threads.getThreadCount()).as(() -> "threads after 450 clients came and went: " + threadNames())
            .isLessThanOrEqualTo(before + 10);
      });
    }
  }

  /** How many threads of each name there are (digits left out), to show what a leak is made of. */
  private static Map<String, Long> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(
        t -> t.getName().replaceAll("\\d+", "#"), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }

  /** Opens {@code n} streams at once, reads each one's snapshot, then hangs up on all of them. */
  private static void openAndCloseStreams(AlertsService service, int n) throws Exception {
    List<java.net.Socket> sockets = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", service.dashboardPort());
        sockets.add(socket);
        socket.getOutputStream().write(("GET /api/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
      }
      for (java.net.Socket socket : sockets) {
        socket.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("event: snapshot")) {
          // headers, then the first event
        }
        assertThat(line).isEqualTo("event: snapshot");
      }
    } finally {
      for (java.net.Socket socket : sockets) {
        socket.close();
      }
    }
  }

  @Test
  void theApiServesOnlyHttpArticleLinks() throws Exception {
    String prefix = AlertsHarness.unique("links");
    try (AlertsService service = start(prefix, Map.of())) {
      Alert plain = alert(prefix + ":x", 1, AlertType.RULE_MATCH, Severity.HIGH, "x");
      io.eurus.events.ArticleRef bad = new io.eurus.events.ArticleRef("x", "Hostile", "data:text/html,<script>alert(1)</script>", "W",
          "eu-media", null, null);
      publish(plain.withArticles(List.of(bad)));

      await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(service, prefix, "").size() == 1);

      JsonNode article = alertsAbout(service, prefix, "").get(0).path("articles").get(0);
      assertThat(article.path("title").asText()).isEqualTo("Hostile");
      assertThat(article.has("url")).isFalse();
    }
  }

  @Test
  void theStreamAskedForWithoutEventStreamInAcceptIsAClear406() throws Exception {
    String prefix = AlertsHarness.unique("accept");
    try (AlertsService service = start(prefix, Map.of())) {
      HttpResponse<String> plain = get(service, "/api/alerts/stream");

      assertThat(plain.statusCode()).isEqualTo(406);
      assertThat(plain.body()).contains("text/event-stream");
    }
  }

  @Test
  void anAcknowledgementIsStoredInKafkaAndSurvivesARestart() throws Exception {
    String prefix = AlertsHarness.unique("ack");
    Alert alert = alert(prefix + ":a/b", 1, AlertType.TONE_SHIFT, Severity.HIGH, "to acknowledge");
    String path = "/api/alerts/" + URLEncoder.encode(alert.id(), StandardCharsets.UTF_8).replace("%2F", "/") + "/ack";
    try (AlertsService service = start(prefix, Map.of())) {
      publish(alert);
      await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(service, prefix, "").size() == 1);

      HttpResponse<String> ack = post(service, path, "{\"by\":\"anna\"}");

      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(ack.body()).path("alertId").asText()).isEqualTo(alert.id());
      assertThat(post(service, "/api/alerts/" + prefix + ":unknown%231/ack", "").statusCode()).isEqualTo(404);
    }
    try (AlertsService restarted = start(prefix, Map.of())) {
      await().atMost(Duration.ofSeconds(15)).until(() -> alertsAbout(restarted, prefix, "").size() == 1
          && alertsAbout(restarted, prefix, "").get(0).has("ack"));
      JsonNode shown = alertsAbout(restarted, prefix, "").get(0);
      assertThat(shown.path("ack").path("by").asText()).isEqualTo("anna");
      assertThat(shown.path("ack").path("revision").asInt()).isEqualTo(1);
    }
  }

  @Test
  void toneWindowsAndFeedHealthAreServedForTheChartsAndTheFeedTable() throws Exception {
    String prefix = AlertsHarness.unique("charts");
    Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS);
    ToneWindow tone = ToneWindow.builder()
        .schemaVersion(1)
        .series(prefix + "/eu-media")
        .profile("eu-russia")
        .bloc("eu-media")
        .windowStart(window)
        .windowEnd(window.plusSeconds(3600))
        .articles(12)
        .stories(9)
        .meanTone(-0.31)
        .toneVariance(0.02)
        .baselineMean(-0.05)
        .baselineStdDev(0.08)
        .closed(false)
        .build();
    FeedStatus feed = FeedStatus.builder()
        .schemaVersion(1)
        .feedId(prefix + "-feed")
        .url("https://news.example/feed.xml")
        .bloc("eu-media")
        .checkedAt(Instant.now())
        .lastSuccess(Instant.now())
        .consecutiveFailures(0)
        .itemsInLastPoll(5)
        .itemsPerDay(40.0)
        .averageItemIntervalSeconds(1800.0)
        .newestItem(Instant.now())
        .malformed(false)
        .build();
    try (AlertsService service = start(prefix, Map.of())) {
      AlertsHarness.publish(Topics.TONE_WINDOWS, ToneWindow.keyOf(tone.series(), tone.windowStart()), tone);
      AlertsHarness.publish(Topics.FEED_STATUS, feed.feedId(), feed);

      await().atMost(Duration.ofSeconds(15)).until(() -> get(service, "/api/tone").body().contains(prefix)
          && get(service, "/api/feeds").body().contains(prefix));

      JsonNode windows = Json.mapper().readTree(get(service, "/api/tone?hours=2").body());
      JsonNode mine = java.util.stream.StreamSupport.stream(windows.spliterator(), false)
          .filter(w -> w.path("series").asText().startsWith(prefix)).findFirst().orElseThrow();
      assertThat(mine.path("meanTone").asDouble()).isEqualTo(-0.31);
      assertThat(mine.path("baselineStdDev").asDouble()).isEqualTo(0.08);
    }
  }

  @Test
  void aFeedStatusTombstoneRemovesTheFeedAndARestartDoesNotBringItBack() throws Exception {
    String prefix = AlertsHarness.unique("removed");
    FeedStatus kept = feedStatus(prefix + "-kept");
    FeedStatus gone = feedStatus(prefix + "-gone");
    try (AlertsService service = start(prefix, Map.of())) {
      AlertsHarness.publish(Topics.FEED_STATUS, gone.feedId(), gone);
      AlertsHarness.publish(Topics.FEED_STATUS, kept.feedId(), kept);
      await().atMost(Duration.ofSeconds(15)).until(() -> get(service, "/api/feeds").body().contains(kept.feedId()));
      assertThat(get(service, "/api/feeds").body()).contains(gone.feedId());

      AlertsHarness.publish(Topics.FEED_STATUS, gone.feedId(), null);

      await().atMost(Duration.ofSeconds(15)).until(() -> !get(service, "/api/feeds").body().contains(gone.feedId()));
      assertThat(get(service, "/api/feeds").body()).contains(kept.feedId());
    }
    try (AlertsService restarted = start(prefix, Map.of())) {
      // The two feeds may sit in different partitions: what counts is what is shown once the log is read.
      await().atMost(Duration.ofSeconds(15)).during(Duration.ofSeconds(1)).until(() -> {
        String feeds = get(restarted, "/api/feeds").body();
        return feeds.contains(kept.feedId()) && !feeds.contains(gone.feedId());
      });
    }
  }

  private static FeedStatus feedStatus(String feedId) {
    return FeedStatus.builder()
        .schemaVersion(1)
        .feedId(feedId)
        .url("https://news.example/feed.xml")
        .bloc("eu-media")
        .checkedAt(Instant.now())
        .lastSuccess(Instant.now())
        .consecutiveFailures(0)
        .itemsInLastPoll(5)
        .itemsPerDay(40.0)
        .averageItemIntervalSeconds(1800.0)
        .newestItem(Instant.now())
        .malformed(false)
        .build();
  }

  @Test
  void withATokenTheApiNeedsItAsBearerOrAsTheSessionCookieButThePageLoads() throws Exception {
    String prefix = AlertsHarness.unique("token");
    try (AlertsService service = start(prefix, Map.of("dashboard.token", TOKEN))) {
      assertThat(get(service, "/").statusCode()).isEqualTo(200);
      assertThat(get(service, "/api/alerts").statusCode()).isEqualTo(401);
      assertThat(get(service, "/api/alerts/stream", "Accept", "text/event-stream").statusCode()).isEqualTo(401);
      assertThat(post(service, "/api/alerts/x%231/ack", "").statusCode()).isEqualTo(401);
      assertThat(get(service, "/api/alerts", "Authorization", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
      assertThat(get(service, "/api/alerts", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);

      assertThat(post(service, "/api/session", "{\"token\":\"nope\"}").statusCode()).isEqualTo(401);
      HttpResponse<String> login = post(service, "/api/session", "{\"token\":\"" + TOKEN + "\"}");
      assertThat(login.statusCode()).isEqualTo(204);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Max-Age=43200")
          .doesNotContain(TOKEN);
      String again = post(service, "/api/session", "{\"token\":\"" + TOKEN + "\"}").headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(again.substring(0, again.indexOf(';'))).as("a value per session").isNotEqualTo(cookie.substring(0, cookie.indexOf(';')));
      assertThat(get(service, "/api/feeds", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aStateChangingRequestFromAnotherOriginOrWithABodyThatIsNotJsonIsRefusedWithOrWithoutAToken() throws Exception {
    for (Map<String, String> extra : List.of(Map.<String, String>of(), Map.of("dashboard.token", TOKEN))) {
      String prefix = AlertsHarness.unique("csrf");
      try (AlertsService service = start(prefix, extra)) {
        Alert alert = alert(prefix + ":x", 1, AlertType.RULE_MATCH, Severity.HIGH, "x");
        publish(alert);
        String bearer = "Bearer " + TOKEN;
        await().atMost(Duration.ofSeconds(15)).until(() -> get(service, "/api/alerts", "Authorization", bearer).body().contains(alert.id()));
        String path = "/api/alerts/" + prefix + ":x%231/ack";
        String self = "http://127.0.0.1:" + service.dashboardPort();

        assertThat(post(service, path, "{}", "Authorization", bearer, "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site")
            .statusCode()).isEqualTo(403);
        assertThat(post(service, path, "{}", "Authorization", bearer, "Origin", "http://127.0.0.1:1").statusCode()).isEqualTo(403);
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(self + path)).header("Authorization", bearer)
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("application/json");
        JsonNode shown = java.util.stream.StreamSupport.stream(Json.mapper().readTree(get(service, "/api/alerts", "Authorization", bearer)
            .body()).spliterator(), false).filter(a -> a.path("key").asText().equals(alert.key())).findFirst().orElseThrow();
        assertThat(shown.has("ack")).as("nothing was acknowledged").isFalse();

        assertThat(post(service, path, "{}", "Authorization", bearer, "Origin", self, "Sec-Fetch-Site", "same-origin").statusCode())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void withoutATokenOnlyRequestsAddressedToALoopbackNameAreAnswered() throws Exception {
    String prefix = AlertsHarness.unique("rebinding");
    try (AlertsService service = start(prefix, Map.of())) {
      // The JDK client will not let us set Host; a raw request shows what a DNS-rebinding page would send.
      try (var socket = new java.net.Socket("127.0.0.1", service.dashboardPort())) {
        socket.getOutputStream().write("GET /api/alerts HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertThat(status).contains(" 401 ");
      }
      assertThat(get(service, "/api/alerts").statusCode()).isEqualTo(200);
    }
  }

  private static Alert withAt(Alert a, Instant at) {
    return a.withAt(at);
  }
}
