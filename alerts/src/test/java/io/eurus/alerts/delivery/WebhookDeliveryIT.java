package io.eurus.alerts.delivery;

import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.alerts.AlertsService;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.alerts.testing.HttpReceiver;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.DeadLetter;
import io.eurus.events.Json;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook delivery on a real broker to a real local HTTP receiver: signatures, retries, dead letters, restarts. */
class WebhookDeliveryIT {

  private static final String SECRET = "a-shared-secret-for-signing";

  @TempDir
  Path tmp;

  private AlertsService start(String prefix, String routing, Map<String, String> env) {
    AlertsHarness.startAtEnd(prefix + ".desk-hook", prefix + ".second-hook", prefix + ".desk-slack", prefix + ".desk-teams");
    return AlertsHarness.start(AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, routing), Map.of()), env);
  }

  /** A webhook channel that retries for {@code budget} (ISO-8601), waiting 20 ms doubling to 200 ms between attempts. */
  private static String hook(String name, String budget) {
    return "  " + name + ":\n    type: webhook\n    url: {env: " + name.toUpperCase().replace('-', '_') + "_URL}\n"
        + "    secret: {env: HOOK_SECRET}\n    retry: {budget: " + budget + ", initialBackoff: PT0.02S, maxBackoff: PT0.2S}\n";
  }

  @Test
  void eachAlertArrivesSignedWithItsIdAsIdempotencyKeyAndTheSignatureVerifies() throws Exception {
    String prefix = AlertsHarness.unique("signed");
    try (HttpReceiver receiver = new HttpReceiver();
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      Alert alert = alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "EU agrees new sanctions");
      publish(alert);

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() == 1);
      HttpReceiver.Request request = receiver.acceptedWithKey(prefix).get(0);

      assertThat(request.header("Idempotency-Key")).isEqualTo(alert.id());
      assertThat(request.header(WebhookChannel.SIGNATURE_HEADER))
          .isEqualTo("sha256=" + WebhookChannel.sign(SECRET.getBytes(StandardCharsets.UTF_8), request.bytes()))
          .isNotEqualTo("sha256=" + WebhookChannel.sign("another-secret".getBytes(StandardCharsets.UTF_8), request.bytes()));
      JsonNode body = Json.mapper().readTree(request.bytes());
      assertThat(body.path("id").asText()).isEqualTo(alert.id());
      assertThat(body.path("title").asText()).isEqualTo("EU agrees new sanctions");
    }
  }

  @Test
  void aReceiverThatFailsFiveTimesGetsTheAlertOnceWithTheSameIdempotencyKey() throws Exception {
    String prefix = AlertsHarness.unique("flaky");
    try (HttpReceiver receiver = new HttpReceiver().failFirst(5);
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      Alert alert = alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "Flaky receiver");
      publish(alert);

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() == 1);
      AlertsHarness.awaitSettled(prefix + ".desk-hook"); // a second delivery would have come before this

      assertThat(receiver.requests()).hasSize(6).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(alert.id()));
      assertThat(receiver.acceptedWithKey(prefix)).hasSize(1);
    }
  }

  @Test
  void aReceiverThatNeverSucceedsSendsTheAlertToTheDeadLetterTopicWithTheReason() throws Exception {
    String prefix = AlertsHarness.unique("dead");
    try (HttpReceiver receiver = new HttpReceiver().failAlways(true);
         TopicProbe<String, DeadLetter> dlq = new TopicProbe<>(AlertsHarness.bootstrap(), Topics.ALERTS_DLQ);
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT0.5S") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      Alert alert = alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "Nobody listens");
      publish(alert);

      List<DeadLetter> letters = dlq.readUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(alert.key())), Duration.ofSeconds(20))
          .stream().map(r -> r.value()).filter(l -> alert.key().equals(l.key())).toList();

      assertThat(letters).hasSize(1);
      int attempts = receiver.requests().size();
      assertThat(letters.get(0).reason())
          .isEqualTo("desk-hook: HTTP 503, still failing after the retry budget of 0.5s (" + attempts + " attempts)");
      assertThat(letters.get(0).target()).isEqualTo("desk-hook");
      assertThat(letters.get(0).attempts()).isEqualTo(attempts).isGreaterThan(2);
      assertThat(Json.mapper().readTree(letters.get(0).value()).path("id").asText()).isEqualTo(alert.id());
      assertThat(letters.get(0).reason()).doesNotContain(receiver.url());
    }
  }

  @Test
  void aStoppedAndRestartedServiceLosesNothingAndResendsNothingItDelivered() throws Exception {
    String prefix = AlertsHarness.unique("restart");
    String routing = "channels:\n" + hook("desk-hook", "PT1M") + "routes:\n  - to: [desk-hook]\n";
    try (HttpReceiver receiver = new HttpReceiver()) {
      Map<String, String> env = Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET);
      Alert[] alerts = IntStream.range(0, 200).mapToObj(i -> alert(prefix + ":" + i, 1, AlertType.RULE_MATCH, Severity.HIGH, "Alert " + i))
          .toArray(Alert[]::new);
      AlertsService first = start(prefix, routing, env);
      Thread producer = new Thread(() -> publish(alerts));
      producer.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() >= 30);
      first.close(); // mid-stream: alerts are still being published
      int deliveredBeforeStop = receiver.acceptedWithKey(prefix).size();
      producer.join();

      try (AlertsService second = AlertsHarness.start(AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, routing), Map.of()), env)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedWithKey(prefix).size() >= alerts.length);
        AlertsHarness.awaitSettled(prefix + ".desk-hook"); // a resend would have come before this
      }

      List<String> keys = receiver.acceptedWithKey(prefix).stream().map(r -> r.header("Idempotency-Key")).toList();
      assertThat(deliveredBeforeStop).isLessThan(alerts.length);
      assertThat(keys).doesNotHaveDuplicates().hasSize(alerts.length);
    }
  }

  @Test
  void aStopWhileOneAlertIsRetryingResendsNothingDeliveredPastItAndDeliversItOnceAfterTheRestart() throws Exception {
    String prefix = AlertsHarness.unique("past");
    String routing = "channels:\n" + hook("desk-hook", "PT1H") + "    concurrency: 4\nroutes:\n  - to: [desk-hook]\n";
    String stuck = prefix + ":stuck";
    try (HttpReceiver receiver = new HttpReceiver().refuse(stuck)) {
      Map<String, String> env = Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET);
      Alert[] alerts = IntStream.range(0, 40).mapToObj(i -> alert(i == 0 ? stuck : prefix + ":" + i, 1, AlertType.RULE_MATCH,
          Severity.HIGH, "Alert " + i)).toArray(Alert[]::new);
      AlertsService first = start(prefix, routing, env);
      publish(alerts);
      // The first alert keeps failing while the others, behind it in the same partition, are delivered past it.
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() == alerts.length - 1);
      first.close();
      receiver.refuse(null);

      try (AlertsService second = AlertsHarness.start(AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, routing), Map.of()), env)) {
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(stuck).size() == 1);
        AlertsHarness.awaitSettled(prefix + ".desk-hook"); // a resend would have come before this
      }

      List<String> keys = receiver.acceptedWithKey(prefix).stream().map(r -> r.header("Idempotency-Key")).toList();
      assertThat(keys).doesNotHaveDuplicates().hasSize(alerts.length);
    }
  }

  @Test
  void aChannelThatIsDownDoesNotDelayTheOthers() throws Exception {
    String prefix = AlertsHarness.unique("isolated");
    try (HttpReceiver down = new HttpReceiver().failAlways(true);
         HttpReceiver up = new HttpReceiver();
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + hook("second-hook", "PT1M")
             + "routes:\n  - to: [desk-hook, second-hook]\n",
             Map.of("DESK_HOOK_URL", down.url(), "SECOND_HOOK_URL", up.url(), "HOOK_SECRET", SECRET))) {
      publish(IntStream.range(0, 5).mapToObj(i -> alert(prefix + ":" + i, 1, AlertType.RULE_MATCH, Severity.HIGH, "A" + i)).toArray(Alert[]::new));

      await().atMost(Duration.ofSeconds(10)).until(() -> up.acceptedWithKey(prefix).size() == 5);

      assertThat(down.acceptedWithKey(prefix)).isEmpty();
      assertThat(down.requests()).isNotEmpty(); // still retrying the first alert while the other channel is done
    }
  }

  @Test
  void updatesOfAnOngoingAlertAreThrottledByTheCooldownAndRepeatsAreDropped() throws Exception {
    String prefix = AlertsHarness.unique("throttle");
    try (HttpReceiver receiver = new HttpReceiver();
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "    cooldown: PT1H\n"
             + "routes:\n  - to: [desk-hook]\n", Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      String key = prefix + ":shift";
      publish(alert(key, 1, AlertType.TONE_SHIFT, Severity.MEDIUM, "Tone shift"),
          alert(key, 1, AlertType.TONE_SHIFT, Severity.MEDIUM, "Tone shift"),   // repeat: dropped
          alert(key, 2, AlertType.TONE_SHIFT, Severity.MEDIUM, "Tone shift"),   // update within the cool-down: held back
          alert(key, 3, AlertType.TONE_SHIFT, Severity.HIGH, "Tone shift"));    // escalation: goes at once

      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.acceptedWithKey(prefix).size() == 2);
      AlertsHarness.awaitSettled(prefix + ".desk-hook"); // anything else would have come before this

      assertThat(receiver.acceptedWithKey(prefix)).extracting(r -> r.header("Idempotency-Key")).containsExactly(key + "#1", key + "#3");
    }
  }

  @Test
  void slackAndTeamsGetTheirOwnMessageFormatsAtTheirWebhooks() throws Exception {
    String prefix = AlertsHarness.unique("chat");
    try (HttpReceiver slack = new HttpReceiver();
         HttpReceiver teams = new HttpReceiver();
         AlertsService service = start(prefix, "channels:\n  desk-slack: {type: slack, url: {env: SLACK_URL}}\n"
             + "  desk-teams: {type: teams, url: {env: TEAMS_URL}}\nroutes:\n  - to: [desk-slack, desk-teams]\n",
             Map.of("SLACK_URL", slack.url(), "TEAMS_URL", teams.url()))) {
      publish(alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "<!channel> sanctions"));

      await().atMost(Duration.ofSeconds(15)).until(() -> slack.acceptedWithKey(prefix).size() == 1 && teams.acceptedWithKey(prefix).size() == 1);

      JsonNode slackMessage = Json.mapper().readTree(slack.acceptedWithKey(prefix).get(0).bytes());
      JsonNode teamsMessage = Json.mapper().readTree(teams.acceptedWithKey(prefix).get(0).bytes());
      assertThat(slackMessage.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("&lt;!channel&gt; sanctions");
      assertThat(teamsMessage.path("attachments").get(0).path("content").path("body").get(0).path("text").asText())
          .isEqualTo("\\<\\!channel\\> sanctions");
    }
  }

  @Test
  void anOutageLongerThanTheOldRetryLimitDeliversEveryAlertOnceWhenTheReceiverIsBack() throws Exception {
    String prefix = AlertsHarness.unique("outage");
    try (HttpReceiver receiver = new HttpReceiver().failAlways(true);
         TopicProbe<String, DeadLetter> dlq = new TopicProbe<>(AlertsHarness.bootstrap(), Topics.ALERTS_DLQ);
         AlertsService service = start(prefix, "channels:\n  desk-hook:\n    type: webhook\n    url: {env: DESK_HOOK_URL}\n"
             + "    retry: {initialBackoff: PT0.02S, maxBackoff: PT0.2S}\nroutes:\n  - to: [desk-hook]\n",  // the default budget: a day
             Map.of("DESK_HOOK_URL", receiver.url()))) {
      Alert[] alerts = IntStream.range(0, 40).mapToObj(i -> alert(prefix + ":" + i, 1, AlertType.RULE_MATCH, Severity.HIGH, "A" + i))
          .toArray(Alert[]::new);
      publish(alerts);
      // Eight attempts 20 ms to 200 ms apart took 1.1 s before an alert was dead-lettered: stay down three times that.
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() > 1
          && receiver.requests().get(receiver.requests().size() - 1).receivedNanos() - receiver.requests().get(0).receivedNanos() > 3_500_000_000L);

      receiver.failAlways(false);

      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedWithKey(prefix).size() >= alerts.length);
      AlertsHarness.awaitSettled(prefix + ".desk-hook");
      assertThat(receiver.acceptedWithKey(prefix)).extracting(r -> r.header("Idempotency-Key")).doesNotHaveDuplicates()
          .containsExactlyInAnyOrder(java.util.Arrays.stream(alerts).map(Alert::id).toArray(String[]::new));
      assertThat(dlq.readFor(Duration.ofSeconds(1))).noneMatch(r -> r.key().startsWith(prefix));
    }
  }

  @Test
  void aPermanentFailureGoesToTheDeadLetterTopicAtOnceWithTheReason() throws Exception {
    String prefix = AlertsHarness.unique("permanent");
    try (HttpReceiver receiver = new HttpReceiver().failAlways(true).failWith(404, null);
         TopicProbe<String, DeadLetter> dlq = new TopicProbe<>(AlertsHarness.bootstrap(), Topics.ALERTS_DLQ);
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1H") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      Alert alert = alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "Wrong URL");
      publish(alert);

      DeadLetter letter = dlq.readUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(alert.key())), Duration.ofSeconds(20))
          .stream().map(r -> r.value()).filter(l -> alert.key().equals(l.key())).findFirst().orElseThrow();

      assertThat(letter.reason()).isEqualTo("desk-hook: HTTP 404, a permanent failure (not retried)");
      assertThat(letter.attempts()).isEqualTo(1);
      assertThat(receiver.requests()).hasSize(1);
    }
  }

  @Test
  void aReceiverThatAsksToRetryLaterIsNotAskedAgainBeforeThen() throws Exception {
    String prefix = AlertsHarness.unique("retry-after");
    try (HttpReceiver receiver = new HttpReceiver().failFirst(1).failWith(429, "2");
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      publish(alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "Rate limited"));

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() == 1);

      List<HttpReceiver.Request> requests = receiver.requests();
      assertThat(requests).hasSize(2);
      assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void aSlowReceiverGetsSeveralAlertsAtOnceAndTheUpdatesOfOneAlertInOrder() throws Exception {
    String prefix = AlertsHarness.unique("parallel");
    try (HttpReceiver receiver = new HttpReceiver().answerAfter(Duration.ofMillis(150));
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "    concurrency: 4\n    cooldown: PT0S\n"
             + "routes:\n  - to: [desk-hook]\n", Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      String ongoing = prefix + ":ongoing";
      List<Alert> alerts = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        alerts.add(alert(prefix + ":" + i, 1, AlertType.RULE_MATCH, Severity.HIGH, "A" + i));
        alerts.add(alert(ongoing, i + 1, AlertType.TONE_SHIFT, Severity.HIGH, "Update " + (i + 1)));
      }
      publish(alerts.toArray(Alert[]::new));

      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedWithKey(prefix).size() == alerts.size());

      assertThat(receiver.maxInFlight()).as("alerts in delivery at once").isEqualTo(4);
      assertThat(receiver.acceptedWithKey(ongoing).stream().map(r -> r.header("X-Eurus-Revision")).toList())
          .containsExactly(IntStream.rangeClosed(1, 12).mapToObj(String::valueOf).toArray(String[]::new));
    }
  }

  @Test
  void aWebhookBodyCarriesOnlyHttpArticleLinks() throws Exception {
    String prefix = AlertsHarness.unique("links");
    try (HttpReceiver receiver = new HttpReceiver();
         AlertsService service = start(prefix, "channels:\n" + hook("desk-hook", "PT1M") + "routes:\n  - to: [desk-hook]\n",
             Map.of("DESK_HOOK_URL", receiver.url(), "HOOK_SECRET", SECRET))) {
      Alert plain = alert(prefix + ":1", 1, AlertType.RULE_MATCH, Severity.HIGH, "Links");
      io.eurus.events.ArticleRef bad = new io.eurus.events.ArticleRef("x", "Hostile", "javascript:fetch('//evil.example')", "W",
          "eu-media", null, null);
      Alert hostile = plain.withArticles(List.of(bad, plain.articles().get(0)));
      publish(hostile);

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedWithKey(prefix).size() == 1);

      JsonNode articles = Json.mapper().readTree(receiver.acceptedWithKey(prefix).get(0).bytes()).path("articles");
      assertThat(articles.get(0).has("url")).as("the javascript: link is left out").isFalse();
      assertThat(articles.get(0).path("title").asText()).isEqualTo("Hostile");
      assertThat(articles.get(1).path("url").asText()).startsWith("https://news.example/");
    }
  }
}
