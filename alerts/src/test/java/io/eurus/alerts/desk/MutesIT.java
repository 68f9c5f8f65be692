package io.eurus.alerts.desk;

import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.alerts.AlertsService;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.alerts.testing.HttpReceiver;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Json;
import io.eurus.events.RuleRef;
import io.eurus.events.Severity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk mutes a story or a rule from the dashboard's API: the channels stop delivering what it covers, the
 * dashboard marks it, the mute outlives a restart of the service (it lives in Kafka), and lifting it lets the
 * next alerts through.
 */
class MutesIT {

  @TempDir
  Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void mutedStoryAndRuleAreNotDeliveredAcrossARestartUntilLifted() throws Exception {
    String prefix = AlertsHarness.unique("mutes");
    String story = "s-" + prefix;
    try (HttpReceiver receiver = new HttpReceiver()) {
      try (AlertsService service = start(prefix, receiver)) {
        publish(storyAlert(prefix + ":story", 1, story, "sanctions"));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(receiver, prefix).contains(prefix + ":story#1"));

        assertThat(post(service, "/api/mutes", "{\"story\": \"" + story + "\", \"for\": \"1h\", \"by\": \"anna\"}")
            .statusCode()).isEqualTo(200);
        assertThat(post(service, "/api/mutes", "{\"rule\": \"sanctions\", \"for\": \"1h\"}").statusCode()).isEqualTo(200);
        publish(storyAlert(prefix + ":story", 2, story, "sanctions"),                   // its story is muted
            storyAlert(prefix + ":other", 1, "s-other-" + prefix, "sanctions"),          // its only rule is muted
            storyAlert(prefix + ":both", 1, "s-both-" + prefix, "sanctions", "energy"),  // energy is not
            alert(prefix + ":marker", 1, AlertType.TONE_SHIFT, Severity.HIGH, "after the muted ones"));

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(receiver, prefix).contains(prefix + ":marker#1"));
        assertThat(delivered(receiver, prefix)).containsExactly(prefix + ":story#1", prefix + ":both#1", prefix + ":marker#1");
        JsonNode listed = Json.mapper().readTree(get(service, "/api/alerts").body());
        assertThat(muted(listed, prefix + ":story")).isTrue();
        assertThat(muted(listed, prefix + ":both")).isFalse();
      }

      try (AlertsService restarted = start(prefix, receiver)) {
        JsonNode mutes = Json.mapper().readTree(get(restarted, "/api/mutes").body());
        assertThat(mutes.findValuesAsText("target")).contains(story, "sanctions");
        assertThat(mutes.findValuesAsText("by")).contains("anna");
        publish(storyAlert(prefix + ":story", 3, story, "sanctions"),
            alert(prefix + ":marker2", 1, AlertType.TONE_SHIFT, Severity.HIGH, "after the restart"));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(receiver, prefix).contains(prefix + ":marker2#1"));
        assertThat(delivered(receiver, prefix)).doesNotContain(prefix + ":story#3");

        assertThat(delete(restarted, "/api/mutes/story:" + story).statusCode()).isEqualTo(204);
        assertThat(delete(restarted, "/api/mutes/rule:sanctions").statusCode()).isEqualTo(204);
        publish(storyAlert(prefix + ":story", 4, story, "sanctions"));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(receiver, prefix).contains(prefix + ":story#4"));
      }
    }
  }

  @Test
  void muteOfAnUnknownStoryOrWithoutATargetIsRefusedInOneLine() throws Exception {
    String prefix = AlertsHarness.unique("mute-refused");
    try (HttpReceiver receiver = new HttpReceiver(); AlertsService service = start(prefix, receiver)) {
      HttpResponse<String> unknown = post(service, "/api/mutes", "{\"story\": \"s-nobody-" + prefix + "\"}");
      HttpResponse<String> neither = post(service, "/api/mutes", "{\"for\": \"1h\"}");
      HttpResponse<String> tooLong = post(service, "/api/mutes", "{\"rule\": \"sanctions\", \"for\": \"30d\"}");

      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("no recent alert is about the story s-nobody-" + prefix);
      assertThat(neither.statusCode()).isEqualTo(400);
      assertThat(neither.body()).contains("name either a story");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(tooLong.body()).contains("at most 7d");
    }
  }

  private AlertsService start(String prefix, HttpReceiver receiver) {
    AlertsHarness.startAtEnd(prefix + ".desk-hook");
    String routing = "channels:\n  desk-hook:\n    type: webhook\n    url: {env: DESK_HOOK_URL}\n"
        + "    retry: {budget: PT1M, initialBackoff: PT0.02S, maxBackoff: PT0.2S}\nroutes:\n  - to: [desk-hook]\n";
    return AlertsHarness.start(AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, routing), Map.of()),
        Map.of("DESK_HOOK_URL", receiver.url()));
  }

  private static Alert storyAlert(String key, int revision, String story, String... rules) {
    List<RuleRef> refs = java.util.Arrays.stream(rules).map(id -> new RuleRef(id, id)).toList();
    return alert(key, revision, AlertType.RULE_MATCH, Severity.HIGH, "story " + key).withStoryId(story).withRules(refs)
        .withRule(refs.get(0));
  }

  private static List<String> delivered(HttpReceiver receiver, String prefix) {
    return receiver.acceptedWithKey(prefix).stream().map(request -> request.header("Idempotency-Key")).toList();
  }

  private static boolean muted(JsonNode alerts, String key) {
    for (JsonNode alert : alerts) {
      if (alert.path("key").asText().equals(key)) {
        return alert.path("muted").asBoolean();
      }
    }
    throw new AssertionError("no alert " + key + " listed");
  }

  private HttpResponse<String> get(AlertsService service, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(url(service, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(AlertsService service, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(url(service, path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(AlertsService service, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(url(service, path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(AlertsService service, String path) {
    return URI.create("http://127.0.0.1:" + service.dashboardPort() + path);
  }
}
