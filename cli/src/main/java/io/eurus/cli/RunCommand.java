package io.eurus.cli;

import io.eurus.alerts.AlertsSettings;
import io.eurus.ingest.IngestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run everything in one process: an embedded Kafka broker, ingest, processor, alerts and the dashboard.",
        "With --demo, offline demo feeds release two days of fictional news on a compressed clock (a demo hour a second),",
        "so every detector shows on the dashboard within a minute or two."})
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin
  SettingsOptions options;

  @Option(names = "--demo", description = "Serve the bundled offline demo feeds instead of the configured list.")
  boolean demo;

  @Option(names = "--demo-interval", paramLabel = "DURATION", defaultValue = "PT3S",
      description = "With --demo, time between two items once the scripted hours are over (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration demoInterval;

  @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default 8080).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Dashboard address (default 127.0.0.1).")
  String host;

  @Option(names = "--feeds", paramLabel = "FILE", description = "YAML feed list (default: the bundled EU–Russia list).")
  Path feeds;

  @Option(names = "--routing", paramLabel = "FILE", description = "YAML routing of alerts to channels (see README).")
  Path routing;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep the broker's data and the processor's state here across restarts (default: a temporary folder, removed on exit).")
  Path dataDir;

  @Override
  public Integer call() {
    Map<String, String> extra = new HashMap<>();
    if (port != null) {
      extra.put(AlertsSettings.DASHBOARD_PORT, String.valueOf(port));
    }
    if (host != null) {
      extra.put(AlertsSettings.DASHBOARD_HOST, host);
    }
    if (feeds != null) {
      extra.put(IngestSettings.FEEDS_FILE, feeds.toString());
    }
    if (routing != null) {
      extra.put(AlertsSettings.ROUTING_FILE, routing.toString());
    }
    Map<String, String> settings = options.load(AllInOne.DEFINITION, extra);
    AllInOne eurus = AllInOne.start(settings, new AllInOne.Options(dataDir, demo, demoInterval, Duration.ofSeconds(1)));
    String hostShown = host == null ? "127.0.0.1" : host;
    LOG.info("Eurus is running{}: dashboard at http://{}:{}/ — Ctrl-C to stop", demo ? " with demo feeds" : "",
        hostShown, eurus.dashboardPort());
    eurus.awaitShutdown();
    return 0;
  }
}
