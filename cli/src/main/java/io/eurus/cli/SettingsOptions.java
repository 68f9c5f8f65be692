package io.eurus.cli;

import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/** Options every service command shares; they override the environment, which overrides the defaults. */
final class SettingsOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).")
  String bootstrapServers;

  @Option(names = "--ops-port", paramLabel = "PORT", description = "Port of /health and /metrics (default 8081, 0 for none).")
  Integer opsPort;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = {"Any setting by name, e.g. --set ingest.user.agent=MyDesk/1.0 or --set kafka.security.protocol=SASL_SSL "
          + "(see 'eurus config'). Not for secrets, which any user of the machine could read here: use the environment or --set-file."})
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--set-file", paramLabel = "NAME=FILE",
      description = "A setting read from a file, e.g. --set-file kafka.sasl.jaas.config=/run/secrets/kafka-jaas: the way to give a secret.")
  Map<String, Path> files = new LinkedHashMap<>();

  /** The validated settings of {@code def}, with {@code extra} overrides from command-specific options. */
  Map<String, String> load(ConfigDef def, Map<String, String> extra) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      overrides.put(CommonSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (opsPort != null) {
      overrides.put(CommonSettings.OPS_PORT, String.valueOf(opsPort));
    }
    overrides.putAll(extra);
    return SettingsLoader.load(def, System.getenv(), new SettingsLoader.CommandLineValues(settings, files), overrides);
  }
}
