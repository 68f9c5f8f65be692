package io.eurus.cli;

import io.eurus.alerts.AlertsService;
import io.eurus.alerts.AlertsSettings;
import io.eurus.cli.demo.DemoFeedServer;
import io.eurus.cli.demo.DemoFeeds;
import io.eurus.cli.demo.DemoTimeline;
import io.eurus.embedded.EmbeddedKafka;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.ingest.FeedList;
import io.eurus.ingest.IngestService;
import io.eurus.ingest.IngestSettings;
import io.eurus.platform.Ports;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.KafkaClientSettings;
import io.eurus.processor.ProcessorService;
import io.eurus.processor.ProcessorSettings;
import io.eurus.processor.series.SeriesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one process: an embedded Kafka broker, ingest, processor and alerts with the dashboard,
 * and with {@code demo} the offline demo feeds. The {@code run} command and the end-to-end test both use it.
 */
final class AllInOne implements AutoCloseable {

  /** Every setting of every service: what {@code eurus run} accepts and validates. */
  static final ConfigDef DEFINITION = CommonSettings.merge(IngestSettings.DEF, ProcessorSettings.DEF, AlertsSettings.DEF);

  /** The demo's detectors file, in the jar. */
  static final String DEMO_DETECTORS = "/demo/detectors-demo.yaml";

  /** What to run besides the settings. */
  record Options(Path dataDir, boolean demo, Duration demoInterval, Duration demoPollInterval) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);

  private final ServiceRunner runner;
  private final KafkaConnection kafka;
  private final AlertsService alerts;
  private final DemoFeedServer demoServer;

  private AllInOne(ServiceRunner runner, KafkaConnection kafka, AlertsService alerts, DemoFeedServer demoServer) {
    this.runner = runner;
    this.kafka = kafka;
    this.alerts = alerts;
    this.demoServer = demoServer;
  }

  /** Everything on an embedded broker of its own. */
  static AllInOne start(Map<String, String> validated, Options options) {
    List<FeedDefinition> feeds = check(validated, options);
    ServiceRunner runner = new ServiceRunner();
    EmbeddedKafka broker = runner.own(EmbeddedKafka.start(options.dataDir() == null ? null : options.dataDir().resolve("kafka"), 0));
    return startServices(runner, onEmbeddedBroker(validated, broker.bootstrapServers()), feeds, options);
  }

  /**
   * The same services against the Kafka that the settings name, with their TLS and SASL settings: how the
   * secured-broker test runs the whole path.
   */
  static AllInOne onKafka(Map<String, String> validated, Options options) {
    List<FeedDefinition> feeds = check(validated, options);
    KafkaClients.awaitBroker(new IngestSettings(validated).kafka(), ServiceCommands.BROKER_WAIT);
    return startServices(new ServiceRunner(), new HashMap<>(validated), feeds, options);
  }

  /** What needs no broker, so that its problems come first. */
  private static List<FeedDefinition> check(Map<String, String> validated, Options options) {
    AlertsSettings alertsSettings = new AlertsSettings(validated);
    // Ports first: a taken port should fail in milliseconds, not after the broker started.
    Ports.requireFree(alertsSettings.dashboardHost(), alertsSettings.dashboardPort(), "--port (or EURUS_DASHBOARD_PORT)");
    Ports.requireFree("0.0.0.0", alertsSettings.getInt(CommonSettings.OPS_PORT), "--ops-port (or EURUS_OPS_PORT), or 0 for none");
    AlertsService.check(alertsSettings);
    // The feed list too: each of its problems, with its feed id, before anything starts.
    return options.demo() ? List.of() : FeedList.configured(new IngestSettings(validated).feedsFile());
  }

  // The embedded broker speaks plain Kafka on loopback: the settings for a secured cluster do not apply to it.
  private static Map<String, String> onEmbeddedBroker(Map<String, String> validated, String bootstrapServers) {
    Map<String, String> values = new HashMap<>(validated);
    values.put(CommonSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    List<String> dropped = values.keySet().stream().filter(KafkaClientSettings::isConnectionSecuritySetting).sorted().toList();
    if (!dropped.isEmpty()) {
      values.keySet().removeAll(dropped);
      LOG.info("The embedded broker speaks plain Kafka on loopback: {} left unused", String.join(", ", dropped));
    }
    return values;
  }

  private static AllInOne startServices(ServiceRunner runner, Map<String, String> values, List<FeedDefinition> configuredFeeds,
      Options options) {
    try {
      values.put(ProcessorSettings.STATE_DIR, stateDir(options.dataDir(), runner).toString());
      IngestSettings ingestSettings = new IngestSettings(values);
      TopicAdmin.ensureTopics(ingestSettings.kafka(), Topics.ALL, ingestSettings.topicPartitions());

      DemoFeedServer demo = null;
      List<FeedDefinition> feeds = configuredFeeds;
      if (options.demo()) {
        demoSettings(values, runner);
        demo = runner.start(new DemoFeedServer(DemoFeeds.bundled(), DemoTimeline.bundled(), options.demoInterval(),
            Clock.systemUTC()));
        feeds = demo.feedDefinitions(options.demoPollInterval());
        ingestSettings = new IngestSettings(values);
      }
      runner.start(new ProcessorService(new ProcessorSettings(values), runner.ops()));
      AlertsService alerts = runner.start(new AlertsService(new AlertsSettings(values), runner.ops(), Clock.systemUTC()));
      runner.start(new IngestService(ingestSettings, feeds, runner.ops(), Clock.systemUTC()));
      runner.startOpsServer(ingestSettings.getInt(CommonSettings.OPS_PORT));
      return new AllInOne(runner, ingestSettings.kafka(), alerts, demo);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  /**
   * What the demo runs with besides the settings: its own detectors file (the demo's hours pass in seconds, so its
   * baselines learn in fewer windows, and its windows wait three demo hours for the polls' delay) unless one is
   * named; FEED_FAILING after a minute, so that the demo's feed that is down shows within it; and no FEED_SILENT,
   * since its items are dated in the past while the demo clock catches up.
   */
  private static void demoSettings(Map<String, String> values, ServiceRunner runner) {
    values.put(IngestSettings.FAILING_ALERT_MINUTES, "1");
    // The demo's items are dated on its clock, hours behind real time while it catches up: not a silent feed.
    values.put(IngestSettings.SILENT_MIN_MINUTES, String.valueOf(30 * 24 * 60));
    if (values.getOrDefault(SeriesSettings.DETECTORS_FILE, "").isBlank()) {
      try (var in = AllInOne.class.getResourceAsStream(DEMO_DETECTORS)) {
        Path file = Files.createTempFile("eurus-demo-detectors-", ".yaml");
        runner.own(() -> Files.deleteIfExists(file));
        Files.write(file, in.readAllBytes());
        values.put(SeriesSettings.DETECTORS_FILE, file.toString());
      } catch (IOException | NullPointerException e) {
        throw new StartupException("cannot write the demo's detectors file: " + e.getMessage(), e);
      }
    }
  }

  // Local state must match the broker's data: kept beside it when that is kept, thrown away with it when not.
  private static Path stateDir(Path dataDir, ServiceRunner runner) {
    try {
      if (dataDir != null) {
        return Files.createDirectories(dataDir.resolve("streams"));
      }
      Path temporary = Files.createTempDirectory("eurus-streams-");
      runner.own(() -> deleteRecursively(temporary));
      return temporary;
    } catch (IOException e) {
      throw new StartupException("cannot create the processor's state folder: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** The Kafka the services use, as they reach it. */
  KafkaConnection kafka() {
    return kafka;
  }

  int dashboardPort() {
    return alerts.dashboardPort();
  }

  DemoFeedServer demoServer() {
    return demoServer;
  }

  void awaitShutdown() {
    runner.awaitShutdown();
  }

  @Override
  public void close() {
    runner.close();
  }
}
