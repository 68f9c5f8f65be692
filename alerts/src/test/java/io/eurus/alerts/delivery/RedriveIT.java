package io.eurus.alerts.delivery;

import io.eurus.embedded.testing.SharedKafka;
import static io.eurus.alerts.testing.AlertsHarness.alert;
import static io.eurus.alerts.testing.AlertsHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.alerts.AlertsService;
import io.eurus.alerts.routing.Routing;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.alerts.testing.HttpReceiver;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.DeadLetter;
import io.eurus.events.Delivered;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import io.eurus.platform.StartupException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eurus alerts redrive} on a real broker, to a real receiver: dead letters go again, once each. */
class RedriveIT {

  @TempDir
  Path tmp;

  /** A routing file with one webhook channel that retries as {@code retry} says. */
  private static String routing(String channel, String retry) {
    return "channels:\n  " + channel + ":\n    type: webhook\n    url: {env: HOOK_URL}\n    retry: " + retry + "\nroutes:\n  - to: [" + channel + "]\n";
  }

  /** Runs the service until every alert is in alerts.dlq for {@code channel}; returns the routing a redrive uses. */
  private Routing deadLetter(String prefix, String channel, String yaml, Map<String, String> env, Alert... alerts) {
    AlertsHarness.startAtEnd(prefix + "." + channel);
    var settings = AlertsHarness.settings(prefix, AlertsHarness.routingFile(tmp, yaml), Map.of());
    try (TopicProbe<String, DeadLetter> dlq = new TopicProbe<>(AlertsHarness.bootstrap(), Topics.ALERTS_DLQ);
         AlertsService service = AlertsHarness.start(settings, env)) {
      publish(alerts);
      dlq.readUntil(seen -> seen.stream().filter(r -> r.key().startsWith(prefix)).count() == alerts.length, Duration.ofSeconds(20));
    }
    return settings.routing(env);
  }

  @Test
  void afterAnOutageThatDeadLetteredAlertsARedriveDeliversEachOnceAndSkipsWhatTheChannelAlreadyTook() throws Exception {
    String prefix = AlertsHarness.unique("redrive");
    String channel = prefix.replace(':', '-');
    Instant start = Instant.now();
    String yaml = routing(channel, "{budget: PT0.3S, initialBackoff: PT0.02S, maxBackoff: PT0.1S}");
    Alert a = alert(prefix + ":a", 1, AlertType.RULE_MATCH, Severity.HIGH, "A");
    Alert b = alert(prefix + ":b", 1, AlertType.RULE_MATCH, Severity.HIGH, "B");
    Alert c = alert(prefix + ":c", 1, AlertType.RULE_MATCH, Severity.HIGH, "C");
    try (HttpReceiver receiver = new HttpReceiver().failAlways(true)) {
      Map<String, String> env = Map.of("HOOK_URL", receiver.url());
      Routing routing = deadLetter(prefix, channel, yaml, env, a, b, c);
      // C was dead-lettered, and then delivered all the same (a SIGKILL before the offset commit, and the restart
      // delivered it): the lane's receipt says so.
      AlertsHarness.publish(Topics.ALERTS_DELIVERED, c.key(),
          new Delivered(Delivered.SCHEMA_VERSION, channel, c.id(), c.key(), c.revision(), Instant.now(), false));
      receiver.failAlways(false);
      List<String> lines = new ArrayList<>();
      Redrive redrive = new Redrive(SharedKafka.connection(), routing, Clock.systemUTC(), lines::add);

      Redrive.Report first = redrive.run(channel, start, Duration.ofSeconds(10));
      Redrive.Report second = redrive.run(null, start, Duration.ofSeconds(10));

      assertThat(first.summary()).isEqualTo("2 resent, 1 skipped (the channel already took them), 0 failed");
      assertThat(second.summary()).as("a second run sends nothing again").isEqualTo("0 resent, 3 skipped (the channel already took them), 0 failed");
      assertThat(receiver.acceptedWithKey(prefix)).extracting(r -> r.header("Idempotency-Key")).containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(lines).contains(channel + ": " + a.id() + " resent");
      assertThatThrownBy(() -> redrive.run("nowhere", null, Duration.ZERO)).isInstanceOf(StartupException.class)
          .hasMessage("no channel is named 'nowhere' in the routing (channels: " + channel + ")");
    }
  }

  @Test
  void aChannelStillDownLeavesTheDeadLetterForTheNextRun() throws Exception {
    String prefix = AlertsHarness.unique("redrive-down");
    String channel = prefix.replace(':', '-');
    Instant start = Instant.now();
    String yaml = routing(channel, "{budget: PT0S}");
    Alert a = alert(prefix + ":a", 1, AlertType.RULE_MATCH, Severity.HIGH, "A");
    try (HttpReceiver receiver = new HttpReceiver().failAlways(true)) {
      Redrive redrive = new Redrive(SharedKafka.connection(), deadLetter(prefix, channel, yaml, Map.of("HOOK_URL", receiver.url()), a),
          Clock.systemUTC(), line -> { });

      Redrive.Report down = redrive.run(channel, start, Duration.ofMillis(200));
      receiver.failAlways(false);
      Redrive.Report up = redrive.run(channel, start, Duration.ofMillis(200));

      assertThat(down.summary()).isEqualTo("0 resent, 0 skipped (the channel already took them), 1 failed");
      assertThat(down.failures()).singleElement().asString().contains(a.id(), "HTTP 503");
      assertThat(up.summary()).isEqualTo("1 resent, 0 skipped (the channel already took them), 0 failed");
      assertThat(receiver.acceptedWithKey(prefix)).hasSize(1);
    }
  }
}
