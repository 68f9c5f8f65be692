package io.eurus.cli;

import io.eurus.alerts.AlertsService;
import io.eurus.alerts.AlertsSettings;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.ingest.FeedList;
import io.eurus.ingest.IngestService;
import io.eurus.ingest.IngestSettings;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.processor.ProcessorService;
import io.eurus.processor.ProcessorSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One service against an external Kafka: what each container of the docker-compose deployment runs. */
final class ServiceCommands {

  static final Duration BROKER_WAIT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(ServiceCommands.class);

  private ServiceCommands() {
  }

  /** Validates settings, waits for the broker, makes sure the topics exist, then runs until stopped. */
  abstract static class ExternalKafkaCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options;

    abstract ConfigDef definition();

    Map<String, String> extraSettings() {
      return Map.of();
    }

    abstract void startService(ServiceRunner runner, Map<String, String> settings);

    /** Checks what needs no broker (files, secrets) so its problems come before the wait for Kafka. */
    void check(Map<String, String> settings) {
    }

    @Override
    public Integer call() {
      Map<String, String> settings = options.load(definition(), extraSettings());
      check(settings);
      AbstractConfig common = new AbstractConfig(CommonSettings.define(), settings, false);
      KafkaConnection kafka = KafkaConnection.of(common);
      KafkaClients.awaitBroker(kafka, BROKER_WAIT);
      LOG.info("Kafka at {} answers", kafka.describe());
      TopicAdmin.ensureTopics(kafka, Topics.ALL, common.getInt(CommonSettings.TOPIC_PARTITIONS));
      ServiceRunner runner = new ServiceRunner();
      startService(runner, settings);
      runner.startOpsServer(common.getInt(CommonSettings.OPS_PORT));
      runner.awaitShutdown();
      return 0;
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Poll the configured feeds and publish new articles to Kafka.")
  static final class Ingest extends ExternalKafkaCommand {

    @Option(names = "--feeds", paramLabel = "FILE", description = "YAML feed list (default: the bundled EU–Russia list).")
    Path feeds;

    @Override
    ConfigDef definition() {
      return IngestSettings.DEF;
    }

    @Override
    Map<String, String> extraSettings() {
      return feeds == null ? Map.of() : Map.of(IngestSettings.FEEDS_FILE, feeds.toString());
    }

    private List<FeedDefinition> feedList;

    @Override
    void check(Map<String, String> values) {
      feedList = FeedList.configured(new IngestSettings(values).feedsFile());
    }

    @Override
    void startService(ServiceRunner runner, Map<String, String> values) {
      runner.start(new IngestService(new IngestSettings(values), feedList, runner.ops(), Clock.systemUTC()));
    }
  }

  @Command(name = "processor", mixinStandardHelpOptions = true,
      description = "Run the stream processor: relevance, rules, tone, detectors.")
  static final class Processor extends ExternalKafkaCommand {

    @Override
    ConfigDef definition() {
      return ProcessorSettings.DEF;
    }

    @Override
    void startService(ServiceRunner runner, Map<String, String> values) {
      runner.start(new ProcessorService(new ProcessorSettings(values), runner.ops()));
    }
  }

  @Command(name = "alerts", mixinStandardHelpOptions = true, subcommands = RedriveCommand.class,
      description = "Deliver alerts to the channels and serve the desk dashboard.")
  static final class Alerts extends ExternalKafkaCommand {

    @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default 8080).")
    Integer port;

    @Option(names = "--routing", paramLabel = "FILE", description = "YAML routing of alerts to channels (see README).")
    Path routing;

    @Override
    ConfigDef definition() {
      return AlertsSettings.DEF;
    }

    @Override
    Map<String, String> extraSettings() {
      Map<String, String> extra = new java.util.HashMap<>();
      if (port != null) {
        extra.put(AlertsSettings.DASHBOARD_PORT, String.valueOf(port));
      }
      if (routing != null) {
        extra.put(AlertsSettings.ROUTING_FILE, routing.toString());
      }
      return extra;
    }

    @Override
    void check(Map<String, String> values) {
      AlertsService.check(new AlertsSettings(values));
    }

    @Override
    void startService(ServiceRunner runner, Map<String, String> values) {
      runner.start(new AlertsService(new AlertsSettings(values), runner.ops(), Clock.systemUTC()));
    }
  }
}
