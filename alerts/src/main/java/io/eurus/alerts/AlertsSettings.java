package io.eurus.alerts;

import io.eurus.alerts.routing.Retry;
import io.eurus.alerts.routing.Routing;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.settings.CommonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the alerts service and its dashboard. */
public final class AlertsSettings extends AbstractConfig {

  public static final String GROUP_ID = "alerts.group.id";
  public static final String ROUTING_FILE = "alerts.routing.file";
  public static final String WEBHOOK_URL = "alerts.webhook.url";
  public static final String WEBHOOK_SECRET = "alerts.webhook.secret";
  public static final String RETRY_BUDGET_MINUTES = "alerts.retry.budget.minutes";
  public static final String DELIVERY_CONCURRENCY = "alerts.delivery.concurrency";
  public static final String RETRY_INITIAL_BACKOFF_MS = "alerts.retry.initial.backoff.ms";
  public static final String RETRY_MAX_BACKOFF_MS = "alerts.retry.max.backoff.ms";
  public static final String COOLDOWN_SECONDS = "alerts.cooldown.seconds";
  public static final String DASHBOARD_HOST = "dashboard.host";
  public static final String DASHBOARD_PORT = "dashboard.port";
  public static final String DASHBOARD_TOKEN = "dashboard.token";
  public static final String DASHBOARD_TOKEN_FILE = "dashboard.token.file";
  public static final String DASHBOARD_HISTORY_HOURS = "dashboard.history.hours";

  public static final ConfigDef DEF = CommonSettings.define()
      .define(GROUP_ID, Type.STRING, "eurus-alerts", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Prefix of the alerts service's consumer groups: each channel reads alerts in its own group, PREFIX.CHANNEL, "
              + "so each keeps its own place. Instances with the same prefix share the work.")
      .define(ROUTING_FILE, Type.STRING, "", Importance.HIGH,
          "YAML file routing alert types and severities to channels (webhook, slack, teams, email) with quiet hours; "
              + "see the README. Empty: every alert to the webhook below, if set.")
      .define(WEBHOOK_URL, Type.PASSWORD, "", Importance.HIGH,
          "Without a routing file: URL that receives every alert as a JSON POST; empty for none. A secret: set it by environment.")
      .define(WEBHOOK_SECRET, Type.PASSWORD, "", Importance.MEDIUM,
          "Without a routing file: shared secret that signs each webhook body (HMAC-SHA256, header X-Eurus-Signature); empty for none.")
      .define(RETRY_BUDGET_MINUTES, Type.INT, 24 * 60, Range.between(0, 30 * 24 * 60), Importance.MEDIUM,
          "How long a channel keeps retrying an alert it did not take, from the first attempt, before the alert goes to "
              + "alerts.dlq with the reason (a permanent failure such as HTTP 400 goes at once); a channel's retry.budget "
              + "overrides it. 0: no retries.")
      .define(DELIVERY_CONCURRENCY, Type.INT, 4, Range.between(1, 64), Importance.LOW,
          "Alerts a channel delivers at once, each alert key in order (a channel's concurrency overrides it); alerts "
              + "go past one that is retrying, and a restart resends none of them.")
      .define(RETRY_INITIAL_BACKOFF_MS, Type.LONG, 200L, Range.between(1, 600_000), Importance.LOW,
          "Wait before the first retry; it doubles after each failed attempt, with jitter, or follows the receiver's Retry-After.")
      .define(RETRY_MAX_BACKOFF_MS, Type.LONG, 30_000L, Range.between(1, 3_600_000), Importance.LOW,
          "Longest wait between two attempts.")
      .define(COOLDOWN_SECONDS, Type.INT, 900, Range.between(0, 7 * 24 * 3600), Importance.MEDIUM,
          "Updates of one ongoing alert go to a channel at most this often (a rise in severity goes at once); repeats never.")
      .define(DASHBOARD_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Address the dashboard binds to; 0.0.0.0 for every interface (in a container), which requires a token.")
      .define(DASHBOARD_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM,
          "Port of the desk dashboard and its JSON API; 0 for a free port.")
      .define(DASHBOARD_TOKEN, Type.PASSWORD, "", Importance.HIGH,
          "Bearer token the dashboard and its API require (at least 16 characters); required when the dashboard binds "
              + "beyond loopback. A secret: set it by environment, or use dashboard.token.file.")
      .define(DASHBOARD_TOKEN_FILE, Type.STRING, "", Importance.MEDIUM,
          "File holding the dashboard token (e.g. a container secret), used when dashboard.token is empty.")
      .define(DASHBOARD_HISTORY_HOURS, Type.INT, 72, Range.between(1, 24 * 90), Importance.LOW,
          "How far back the dashboard reads alerts and tone windows when it starts.");

  public AlertsSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  /** Where Kafka is and the operator's client settings for it. */
  public KafkaConnection kafka() {
    return KafkaConnection.of(this);
  }

  public String groupPrefix() {
    return getString(GROUP_ID);
  }

  public String dashboardHost() {
    return getString(DASHBOARD_HOST);
  }

  public int dashboardPort() {
    return getInt(DASHBOARD_PORT);
  }

  public Duration dashboardHistory() {
    return Duration.ofHours(getInt(DASHBOARD_HISTORY_HOURS));
  }

  /** The dashboard token from the setting or its file; null for none. */
  public String dashboardToken() {
    String token = getPassword(DASHBOARD_TOKEN).value();
    if (!token.isEmpty()) {
      return token;
    }
    String file = getString(DASHBOARD_TOKEN_FILE);
    if (file.isEmpty()) {
      return null;
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new StartupException("cannot read the dashboard token file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The routing: from the routing file, or every alert to the webhook of the settings. */
  public Routing routing(Map<String, String> env) {
    Routing.Defaults defaults = new Routing.Defaults(
        new Retry(Duration.ofMillis(getLong(RETRY_INITIAL_BACKOFF_MS)),
            Duration.ofMillis(Math.max(getLong(RETRY_INITIAL_BACKOFF_MS), getLong(RETRY_MAX_BACKOFF_MS))),
            Duration.ofMinutes(getInt(RETRY_BUDGET_MINUTES))),
        Duration.ofSeconds(getInt(COOLDOWN_SECONDS)), getInt(DELIVERY_CONCURRENCY));
    String file = getString(ROUTING_FILE);
    String webhook = getPassword(WEBHOOK_URL).value();
    if (!file.isEmpty()) {
      if (!webhook.isEmpty()) {
        throw new StartupException("alerts.webhook.url and alerts.routing.file are both set: put the webhook in the routing file");
      }
      return Routing.load(Path.of(file), env, defaults);
    }
    String secret = getPassword(WEBHOOK_SECRET).value();
    return Routing.webhookOnly(webhook, secret.isEmpty() ? null : secret, defaults);
  }
}
