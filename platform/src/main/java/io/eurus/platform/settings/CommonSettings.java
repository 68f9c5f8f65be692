package io.eurus.platform.settings;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings every service shares, Kafka's client settings passed through among them ({@link KafkaClientSettings}).
 * Each service's definition starts from {@link #define()}.
 */
public final class CommonSettings {

  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String TOPIC_PARTITIONS = "kafka.topic.partitions";
  public static final String OPS_PORT = "ops.port";

  /** Conventional environment variables accepted besides {@code EURUS_*}. */
  static final Map<String, String> ENV_ALIASES = Map.of(BOOTSTRAP_SERVERS, "KAFKA_BOOTSTRAP_SERVERS");

  private CommonSettings() {
  }

  public static ConfigDef define() {
    return KafkaClientSettings.define(new ConfigDef())
        .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka brokers to connect to, host:port[,host:port]. Also read from KAFKA_BOOTSTRAP_SERVERS. "
                + "Ignored by 'eurus run', which starts its own broker.")
        .define(TOPIC_PARTITIONS, Type.INT, 6, Range.between(1, 1000), Importance.MEDIUM,
            "Partitions of topics that Eurus creates when they are missing; more partitions allow more instances.")
        .define(OPS_PORT, Type.INT, 8081, Range.between(0, 65535), Importance.LOW,
            "Port of the /health and /metrics (Prometheus) endpoint; 0 turns it off.");
  }

  /** One definition holding every key of {@code defs}; a key defined twice keeps its first definition. */
  public static ConfigDef merge(ConfigDef... defs) {
    ConfigDef merged = new ConfigDef();
    for (ConfigDef def : defs) {
      for (ConfigDef.ConfigKey key : def.configKeys().values()) {
        if (!merged.names().contains(key.name)) {
          merged.define(key);
        }
      }
    }
    return merged;
  }
}
