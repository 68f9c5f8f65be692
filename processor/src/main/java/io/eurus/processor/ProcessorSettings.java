package io.eurus.processor;

import io.eurus.platform.settings.CommonSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the processor service. */
public final class ProcessorSettings extends AbstractConfig {

  public static final String APPLICATION_ID = "processor.application.id";
  public static final String STATE_DIR = "processor.state.dir";
  public static final String KEYWORDS = "processor.keywords";

  public static final ConfigDef DEF = CommonSettings.define()
      .define(APPLICATION_ID, Type.STRING, "eurus-processor", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Kafka Streams application id: instances with the same id share the work; changelog topics are named after it.")
      .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
          "Folder for the processor's local state stores (restored from Kafka when lost). Empty: eurus-streams in the system's temporary folder.")
      .define(KEYWORDS, Type.LIST, List.of("sanction", "sanctions", "санкции", "санкций", "санкциями", "санкциях"),
          Importance.MEDIUM, "Words of the keyword rule 'sanctions' (case-insensitive, whole words).");

  public ProcessorSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  public String bootstrapServers() {
    return getString(CommonSettings.BOOTSTRAP_SERVERS);
  }

  public int topicPartitions() {
    return getInt(CommonSettings.TOPIC_PARTITIONS);
  }

  public String applicationId() {
    return getString(APPLICATION_ID);
  }

  public String stateDir() {
    String configured = getString(STATE_DIR);
    return configured.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "eurus-streams").toString() : configured;
  }

  public List<String> keywords() {
    return getList(KEYWORDS);
  }
}
