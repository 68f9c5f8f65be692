package io.eurus.cli;

import io.eurus.alerts.AlertsSettings;
import io.eurus.alerts.delivery.Redrive;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import io.eurus.platform.settings.CommonSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eurus alerts redrive}: the dead letters of alerts.dlq to their channels again, once each (see the README). */
@Command(name = "redrive", mixinStandardHelpOptions = true,
    description = {"Send the alerts in alerts.dlq to their channel again, once each, with the same idempotency key;",
        "what the channel already took is skipped. Uses the same settings and routing as the alerts service."})
final class RedriveCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SettingsOptions options;

  @Option(names = "--routing", paramLabel = "FILE", description = "YAML routing of alerts to channels, as the service's.")
  Path routing;

  @Option(names = "--channel", paramLabel = "NAME", description = "Only this channel's dead letters (default: every channel).")
  String channel;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Only dead letters written since TIME: an instant (2026-11-24T08:00:00Z) or how long ago (PT6H, P2D).")
  String since;

  @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "PT1M",
      description = "How long to retry each alert in this run, ISO-8601 (default ${DEFAULT-VALUE}); what still fails stays in alerts.dlq.")
  Duration budget;

  @Override
  public Integer call() {
    Instant from = since == null ? null : since(since, Clock.systemUTC().instant());
    Map<String, String> values = options.load(AlertsSettings.DEF,
        routing == null ? Map.of() : Map.of(AlertsSettings.ROUTING_FILE, routing.toString()));
    AlertsSettings settings = new AlertsSettings(values);
    Routing channels = settings.routing(System.getenv());
    KafkaConnection kafka = settings.kafka();
    KafkaClients.awaitBroker(kafka, ServiceCommands.BROKER_WAIT);
    TopicAdmin.ensureTopics(kafka, Topics.ALL, settings.getInt(CommonSettings.TOPIC_PARTITIONS));
    Redrive.Report report = new Redrive(kafka, channels, Clock.systemUTC(), line -> spec.commandLine().getOut().println(line))
        .run(channel, from, budget);
    spec.commandLine().getOut().println(report.summary());
    return report.failed() == 0 ? 0 : 1;
  }

  private Instant since(String text, Instant now) {
    try {
      return text.toUpperCase(java.util.Locale.ROOT).startsWith("P") ? now.minus(Duration.parse(text)) : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--since must be an instant such as 2026-11-24T08:00:00Z or a duration "
          + "such as PT6H or P2D, not '" + text + "'");
    }
  }
}
