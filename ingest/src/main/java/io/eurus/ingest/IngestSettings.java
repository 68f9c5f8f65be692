package io.eurus.ingest;

import io.eurus.platform.settings.CommonSettings;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the ingest service. */
public final class IngestSettings extends AbstractConfig {

  public static final String FEEDS_FILE = "ingest.feeds.file";
  public static final String USER_AGENT = "ingest.user.agent";
  public static final String REQUEST_TIMEOUT_SECONDS = "ingest.request.timeout.seconds";

  public static final ConfigDef DEF = CommonSettings.define()
      .define(FEEDS_FILE, Type.STRING, "", Importance.HIGH,
          "YAML file listing the feeds to poll. Empty: the bundled default EU–Russia list.")
      .define(USER_AGENT, Type.STRING, "Eurus/0.1 (+https://github.com/eurus-monitor/eurus; media monitoring)",
          new ConfigDef.NonEmptyString(), Importance.LOW, "User-Agent sent with every feed request.")
      .define(REQUEST_TIMEOUT_SECONDS, Type.INT, 20, Range.between(1, 300), Importance.LOW,
          "Timeout of one feed request, connect and read.");

  public IngestSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  public String bootstrapServers() {
    return getString(CommonSettings.BOOTSTRAP_SERVERS);
  }

  public int topicPartitions() {
    return getInt(CommonSettings.TOPIC_PARTITIONS);
  }

  public String feedsFile() {
    return getString(FEEDS_FILE);
  }

  public String userAgent() {
    return getString(USER_AGENT);
  }

  public int requestTimeoutSeconds() {
    return getInt(REQUEST_TIMEOUT_SECONDS);
  }
}
