package io.eurus.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.alerts.channel.EmailChannel;
import io.eurus.alerts.channel.SlackChannel;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.alerts.testing.AlertsHarness;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTest {

  private static final Routing.Defaults DEFAULTS = new Routing.Defaults(
      new Retry(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofHours(24)), Duration.ofMinutes(15), 4);
  private static final String SLACK_URL = "https://hooks.slack.example/services/T000/B000/SECRETPART";

  @TempDir
  Path tmp;

  private Routing load(String yaml, Map<String, String> env) throws Exception {
    return Routing.load(Files.writeString(tmp.resolve("routing.yaml"), yaml), env, DEFAULTS);
  }

  @Test
  void aCompleteFileRoutesByTypeAndSeverityWithEachChannelsOwnOptions() throws Exception {
    Path secretFile = Files.writeString(tmp.resolve("smtp-password"), "s3cret\n");
    Routing routing = load("""
        channels:
          desk-slack:
            type: slack
            url: {env: SLACK_URL}
            quietHours: {from: "22:00", to: "07:00", zone: Europe/Brussels, bypass: HIGH}
          desk-mail:
            type: email
            smtp: {host: smtp.example.org, port: 587, username: eurus, password: {file: %s}}
            from: eurus@example.org
            to: [desk@example.org, editor@example.org]
            urgent: CRITICAL
            digest: daily
            digestAt: "08:00"
            zone: Europe/Brussels
          desk-hook:
            type: webhook
            url: {env: HOOK_URL}
            retry: {budget: PT2H}
            concurrency: 8
            cooldown: PT5M
        routes:
          - {types: [TONE_SHIFT, TONE_DIVERGENCE], minSeverity: MEDIUM, to: [desk-slack, desk-mail]}
          - {types: [RULE_MATCH], severities: [HIGH, CRITICAL], to: [desk-hook]}
        """.formatted(secretFile), Map.of("SLACK_URL", SLACK_URL, "HOOK_URL", "http://127.0.0.1:9/hook"));

    assertThat(routing.channels()).extracting(ChannelPlan::name).containsExactly("desk-slack", "desk-mail", "desk-hook");
    assertThat(routing.channels().get(0).channel()).isInstanceOf(SlackChannel.class);
    assertThat(routing.channels().get(1).channel()).isInstanceOf(EmailChannel.class);
    assertThat(routing.channels().get(2).channel()).isInstanceOf(WebhookChannel.class);
    assertThat(routing.channels().get(2).retry().budget()).isEqualTo(Duration.ofHours(2));
    assertThat(routing.channels().get(2).concurrency()).isEqualTo(8);
    assertThat(routing.channels().get(0).concurrency()).isEqualTo(4);
    assertThat(routing.channels().get(2).cooldown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(routing.channels().get(0).retry()).isEqualTo(DEFAULTS.retry());

    var toneShift = AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.MEDIUM, "t");
    var lowShift = AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.LOW, "t");
    var highRule = AlertsHarness.alert("k", 1, AlertType.RULE_MATCH, Severity.HIGH, "t");
    assertThat(routing.routes(toneShift, "desk-slack")).isTrue();
    assertThat(routing.routes(toneShift, "desk-hook")).isFalse();
    assertThat(routing.routes(lowShift, "desk-slack")).isFalse();
    assertThat(routing.routes(highRule, "desk-hook")).isTrue();
    assertThat(routing.routes(highRule, "desk-mail")).isFalse();

    // Slack's quiet hours hold a MEDIUM alert at 23:00 Brussels until 07:00, but let a HIGH one through.
    Hold slack = routing.channels().get(0).hold();
    Instant lateEvening = Instant.parse("2026-11-24T22:00:00Z"); // 23:00 in Brussels
    assertThat(slack.releaseAt(toneShift, lateEvening)).isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
    assertThat(slack.releaseAt(AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.HIGH, "t"), lateEvening)).isNull();
    assertThat(slack.releaseAt(toneShift, Instant.parse("2026-11-24T12:00:00Z"))).isNull();
    // The mail digest goes daily at 08:00 Brussels; a critical alert is urgent and goes at once.
    Hold mail = routing.channels().get(1).hold();
    assertThat(mail.releaseAt(toneShift, Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(mail.releaseAt(AlertsHarness.alert("k", 1, AlertType.TONE_SHIFT, Severity.CRITICAL, "t"), Instant.parse("2026-11-24T12:00:00Z"))).isNull();
  }

  @Test
  void everyProblemInTheFileIsReportedAtOnceEachNamingWhereItIs() {
    assertThatThrownBy(() -> load("""
        channels:
          desk-slack:
            type: slack
            url: https://hooks.slack.example/services/T000/B000/SECRETPART
          desk-hook:
            type: webhok
          desk-mail:
            type: email
            smtp: {host: smtp.example.org, username: eurus, password: {env: SMTP_PASSWORD}}
            from: not-an-address
            digest: weekly
            quietHours: {from: "22:00"}
          teams:
            type: teams
            url: {env: TEAMS_URL}
            colour: blue
        routes:
          - {types: [RULE_MATCH, TONE_SHFT], to: [desk-slack, nowhere]}
          - {to: [desk-mail, teams]}
        """, Map.of("TEAMS_URL", "ftp://teams.example/hook")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("has 12 problems:")
        .hasMessageContaining("channels.desk-slack.url: is a secret: give it as {env: NAME} or {file: PATH}, never written in the routing file")
        .hasMessageContaining("channels.desk-hook.type: 'webhok' is not a channel type (one of email, slack, teams, webhook)")
        .hasMessageContaining("channels.desk-mail.smtp.password: environment variable SMTP_PASSWORD is not set")
        .hasMessageContaining("channels.desk-mail.from: 'not-an-address' is not an email address")
        .hasMessageContaining("channels.desk-mail.to: is required: at least one address")
        .hasMessageContaining("channels.desk-mail.digest: must be hourly, daily or a period of at least PT1S")
        .hasMessageContaining("channels.desk-mail.quietHours: needs both from and to")
        .hasMessageContaining("channels.teams: unknown key 'colour' (known: concurrency, cooldown, quietHours, retry, type, url)")
        .hasMessageContaining("channels.teams.url: must be an http or https URL")
        .hasMessageContaining("routes[0].types[1]: 'TONE_SHFT' is not one of rule_match, tone_shift, volume_spike, ")
        .hasMessageContaining("routes[0].to: no channel is named 'nowhere'")
        .hasMessageContaining("channels.desk-hook: no route sends to it")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPART").doesNotContain("ftp://teams.example"));
  }

  @Test
  void durationsAreWrittenAsInEveryOtherFileAndAsBefore() throws Exception {
    Routing routing = load("""
        channels:
          human:
            type: webhook
            url: {env: HOOK_URL}
            cooldown: 15m
            retry: {budget: 2h, initialBackoff: 500ms, maxBackoff: 30s}
          iso: {type: webhook, url: {env: HOOK_URL}, cooldown: PT15M, retry: {budget: PT2H, initialBackoff: PT0.5S, maxBackoff: PT30S}}
          seconds: {type: webhook, url: {env: HOOK_URL}, cooldown: 900, retry: {budget: 7200, initialBackoff: 0.5, maxBackoff: 30}}
          mail:
            type: email
            smtp: {host: smtp.example.org, timeout: 5s}
            from: eurus@example.org
            to: desk@example.org
            digest: 30m
        routes:
          - {to: [human, iso, seconds, mail]}
        """, Map.of("HOOK_URL", "http://127.0.0.1:9/hook"));

    Retry retry = new Retry(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofHours(2));
    assertThat(routing.channels().subList(0, 3)).allSatisfy(plan -> {
      assertThat(plan.cooldown()).isEqualTo(Duration.ofMinutes(15));
      assertThat(plan.retry()).isEqualTo(retry);
    });
    assertThat(routing.channels().get(3).channel().digestSchedule().every()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aBadFileReportsEveryProblemWithItsPathAndNothingElse() {
    assertThatThrownBy(() -> load("""
        channels:
          desk-hook:
            url: {env: HOOK_URL}
            cooldown: soon
            type: webhook
            retry: {budget: -1h, initialBackoff: 0s}
            concurrency: 100
            quietHours: {from: "22:00", to: "22:00", zone: Mars/Base}
          desk-mail: {type: email, smtp: {host: smtp.example.org, port: 0, tls: plain}, from: eurus@example.org, to: desk@example.org,
                      urgent: URGENT, digest: daily, digestAt: "8 am"}
          untyped: {url: {env: HOOK_URL}}
          empty:
          bad name: {type: slack, url: {env: HOOK_URL}, secret: {env: NOPE}}
        routes:
          - {to: [desk-hook, desk-mail, untyped, empty, bad name], minSeverity: SEVERE}
          - {types: RULE_MATCH}
        extra: 1
        """, Map.of("HOOK_URL", "http://127.0.0.1:9/hook")))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).map(p -> p.replace(tmp.resolve("routing.yaml") + ": ", ""))
            .containsExactlyInAnyOrder(
                "channels.desk-hook.cooldown: 'soon' is not a duration such as 30s, 15m, 1h or 14d",
                "channels.desk-hook.retry.budget: '-1h' is not a duration such as 30s, 15m, 1h or 14d",
                "channels.desk-hook.retry.initialBackoff: must be at least 1ms",
                "channels.desk-hook.concurrency: must be a whole number from 1 to 64 (was 100)",
                "channels.desk-hook.quietHours.zone: 'Mars/Base' is not a time zone such as Europe/Brussels",
                "channels.desk-hook.quietHours: from and to are the same time",
                "channels.desk-mail.smtp.port: must be a whole number from 1 to 65535 (was 0)",
                "channels.desk-mail.smtp.tls: 'plain' is not one of starttls, ssl, none",
                "channels.desk-mail.urgent: 'URGENT' is not one of low, medium, high, critical",
                "channels.desk-mail.digestAt: '8 am' is not a time of day such as 07:30",
                "channels.untyped.type: is required: one of email, slack, teams, webhook",
                "channels.empty: must be a block of options with a type",
                "channels.bad name: a channel name is letters, digits, - and _ (it names Kafka consumer groups)",
                "channels.bad name: unknown key 'secret' (known: concurrency, cooldown, quietHours, retry, type, url)",
                "routes[0].minSeverity: 'SEVERE' is not one of low, medium, high, critical",
                "routes[1].to: is required: the channels this route sends to",
                "unknown key 'extra' (known: channels, routes)"))
        .hasMessageStartingWith("routing file " + tmp.resolve("routing.yaml") + " has 17 problems:");
  }

  @Test
  void theExampleInTheRepositoryIsValid() throws Exception {
    Path teams = Files.writeString(tmp.resolve("teams"), "https://teams.example/webhook");
    String example = Files.readString(Path.of("routing.example.yaml")).replace("/run/secrets/teams-webhook-url", teams.toString());
    Routing routing = load(example, Map.of("DESK_HOOK_URL", "https://hooks.example/desk", "DESK_HOOK_SECRET", "s",
        "SLACK_WEBHOOK_URL", SLACK_URL, "SMTP_PASSWORD", "p"));
    assertThat(routing.channels()).extracting(ChannelPlan::name).containsExactly("desk-hook", "desk-slack", "desk-teams", "desk-mail");
  }

  @Test
  void aMissingOrBrokenFileIsOneLineNamingTheFile() throws Exception {
    Path missing = tmp.resolve("nope.yaml");
    assertThatThrownBy(() -> Routing.load(missing, Map.of(), DEFAULTS))
        .hasMessage("routing file " + missing + " does not exist (alerts.routing.file)");
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "channels: [unclosed\n");
    assertThatThrownBy(() -> Routing.load(broken, Map.of(), DEFAULTS))
        .hasMessageStartingWith("routing file " + broken + " is not valid YAML at line 2, column 1: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void secretsComeFromFilesWithTheTrailingNewlineRemoved() throws Exception {
    Path url = Files.writeString(tmp.resolve("hook-url"), "http://127.0.0.1:9/from-file\n");
    Routing routing = load("channels:\n  h: {type: webhook, url: {file: " + url + "}}\nroutes:\n  - to: [h]\n", Map.of());
    assertThat(routing.channels()).hasSize(1);
  }
}
