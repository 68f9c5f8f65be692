package io.eurus.alerts;

import io.eurus.platform.settings.CommonSettings;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the alerts service and its dashboard. */
public final class AlertsSettings extends AbstractConfig {

  public static final String GROUP_ID = "alerts.group.id";
  public static final String WEBHOOK_URL = "alerts.webhook.url";
  public static final String WEBHOOK_MAX_ATTEMPTS = "alerts.webhook.max.attempts";
  public static final String DASHBOARD_HOST = "dashboard.host";
  public static final String DASHBOARD_PORT = "dashboard.port";

  public static final ConfigDef DEF = CommonSettings.define()
      .define(GROUP_ID, Type.STRING, "eurus-alerts", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Consumer group of the alerts service: instances with the same group share the alerts.")
      .define(WEBHOOK_URL, Type.PASSWORD, "", Importance.HIGH,
          "URL that receives each alert as a JSON POST; empty for none. A secret: set it by environment, not in files you share.")
      .define(WEBHOOK_MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 100), Importance.LOW,
          "Attempts per alert before it goes to alerts.dlq with the reason.")
      .define(DASHBOARD_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Address the dashboard binds to; 0.0.0.0 for every interface (in a container).")
      .define(DASHBOARD_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM,
          "Port of the desk dashboard and its JSON API; 0 for a free port.");

  public AlertsSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  public String bootstrapServers() {
    return getString(CommonSettings.BOOTSTRAP_SERVERS);
  }

  public int topicPartitions() {
    return getInt(CommonSettings.TOPIC_PARTITIONS);
  }

  public String groupId() {
    return getString(GROUP_ID);
  }

  public String webhookUrl() {
    return getPassword(WEBHOOK_URL).value();
  }

  public int webhookMaxAttempts() {
    return getInt(WEBHOOK_MAX_ATTEMPTS);
  }

  public String dashboardHost() {
    return getString(DASHBOARD_HOST);
  }

  public int dashboardPort() {
    return getInt(DASHBOARD_PORT);
  }
}
