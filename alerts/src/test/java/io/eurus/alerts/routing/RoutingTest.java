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
        .hasMessageContaining("channels.teams.colour: unknown option")
        .hasMessageContaining("channels.teams.url: must be an http or https URL")
        .hasMessageContaining("routes[0].types: 'TONE_SHFT' is not one of")
        .hasMessageContaining("routes[0].to: no channel is named 'nowhere'")
        .hasMessageContaining("channels.desk-hook: no route sends to it")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPART").doesNotContain("ftp://teams.example"));
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
        .hasMessageStartingWith("routing file " + broken + " is not valid YAML: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void secretsComeFromFilesWithTheTrailingNewlineRemoved() throws Exception {
    Path url = Files.writeString(tmp.resolve("hook-url"), "http://127.0.0.1:9/from-file\n");
    Routing routing = load("channels:\n  h: {type: webhook, url: {file: " + url + "}}\nroutes:\n  - to: [h]\n", Map.of());
    assertThat(routing.channels()).hasSize(1);
  }
}
