package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.cli.testing.ServedFeed;
import io.eurus.cli.testing.WebhookReceiver;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Json;
import io.eurus.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real embedded broker: an item added to a feed served over HTTP is ingested,
 * matched by the keyword rule, and arrives at a webhook receiver once, and on the dashboard's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndIT {

  @TempDir
  static Path tmp;

  ServedFeed feed;
  WebhookReceiver receiver;
  AllInOne eurus;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startEurus() throws Exception {
    feed = new ServedFeed();
    feed.addItem("calm-1", "Commission presents digital strategy", "A plan for broadband in rural regions.");
    receiver = new WebhookReceiver();
    Path feeds = Files.writeString(tmp.resolve("feeds.yaml"), "feeds:\n  - id: test-feed\n    url: " + feed.url()
        + "\n    name: Test feed\n    bloc: eu-media\n    language: en\n    pollInterval: 1s\n");
    Map<String, String> settings = io.eurus.platform.settings.SettingsLoader.load(AllInOne.DEFINITION, environment(), Map.of(
        "ingest.feeds.file", feeds.toString(),
        "alerts.webhook.url", receiver.url(),
        "dashboard.port", "0",
        "ops.port", "0",
        "kafka.topic.partitions", "2"));
    eurus = start(settings, new AllInOne.Options(null, false, Duration.ofSeconds(3), Duration.ofSeconds(1)));
  }

  /** The environment the settings are read from, as a deployment gives it: none here. */
  Map<String, String> environment() {
    return Map.of();
  }

  /** Starts Eurus: here on its own embedded broker. */
  AllInOne start(Map<String, String> settings, AllInOne.Options options) {
    return AllInOne.start(settings, options);
  }

  @AfterAll
  void stopEurus() {
    if (eurus != null) {
      eurus.close();
    }
    receiver.close();
    feed.close();
  }

  @Test
  void itemAddedToFeedArrivesAtWebhookExactlyOnceWithinSeconds() throws Exception {
    try (var articles = new TopicProbe<>(eurus.kafka(), Topics.ARTICLES)) {
      // The calm item is ingested first, so we know the feed is being polled before the new item appears.
      articles.readUntil(seen -> !seen.isEmpty(), Duration.ofSeconds(30));
      assertThat(articles.values()).extracting(a -> a.title()).contains("Commission presents digital strategy");
    }

    long added = System.nanoTime();
    feed.addItem("sanctions-1", "EU agrees new sanctions on Russian shipping",
        "Member states back a package of restrictive measures.");

    await().atMost(Duration.ofSeconds(20)).until(() -> !about("sanctions-1").isEmpty());
    Duration latency = Duration.ofNanos(System.nanoTime() - added);
    // Ingest polls the feed three more times with the item still in it; then a marker item follows the same path.
    // A duplicate would have been published before the marker, so it would have reached the receiver by the
    // time the marker's alert does.
    int polls = feed.requests();
    await().atMost(Duration.ofSeconds(20)).until(() -> feed.requests() >= polls + 3);
    feed.addItem("sanctions-marker", "EU prepares further sanctions on Russian banks", "A marker that follows the first item.");
    await().atMost(Duration.ofSeconds(20)).until(() -> !about("sanctions-marker").isEmpty());

    List<WebhookReceiver.Received> received = about("sanctions-1");
    assertThat(received).hasSize(1);
    JsonNode alert = Json.mapper().readTree(received.get(0).body());
    assertThat(alert.path("type").asText()).isEqualTo("RULE_MATCH");
    assertThat(alert.path("rule").path("id").asText()).isEqualTo("sanctions");
    assertThat(alert.path("articles").get(0).path("snippet").asText()).contains("[[sanctions]]");
    assertThat(received.get(0).idempotencyKey()).isEqualTo(alert.path("id").asText());
    assertThat(latency).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void dashboardServesTheAlertsAsJsonAndThePageWithAStrictPolicy() throws Exception {
    feed.addItem("sanctions-2", "Council extends sanctions on Russia", "Restrictive measures prolonged.");
    String base = "http://127.0.0.1:" + eurus.dashboardPort();

    HttpResponse<String> api = await().atMost(Duration.ofSeconds(20)).until(
        () -> http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts")).build(), HttpResponse.BodyHandlers.ofString()),
        response -> response.statusCode() == 200 && response.body().contains("news.example/sanctions-2"));
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(Json.mapper().readTree(api.body()).isArray()).isTrue();
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
  }

  List<WebhookReceiver.Received> about(String guid) {
    return receiver.received().stream().filter(r -> r.body().contains("news.example/" + guid)).toList();
  }
}
