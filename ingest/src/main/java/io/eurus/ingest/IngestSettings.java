package io.eurus.ingest;

import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.settings.CommonSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the ingest service. */
public final class IngestSettings extends AbstractConfig {

  public static final String FEEDS_FILE = "ingest.feeds.file";
  public static final String GROUP_ID = "ingest.group.id";
  public static final String USER_AGENT = "ingest.user.agent";
  public static final String REQUEST_TIMEOUT_SECONDS = "ingest.request.timeout.seconds";
  public static final String MAX_BODY_BYTES = "ingest.max.body.bytes";
  public static final String MAX_REDIRECTS = "ingest.max.redirects";
  public static final String MAX_REQUESTS_PER_HOST = "ingest.max.requests.per.host";
  public static final String MAX_BACKOFF_MINUTES = "ingest.max.backoff.minutes";
  public static final String FULLTEXT_MAX_BYTES = "ingest.fulltext.max.bytes";
  public static final String FULLTEXT_TIMEOUT_SECONDS = "ingest.fulltext.timeout.seconds";
  public static final String FAILING_ALERT_MINUTES = "ingest.failing.alert.minutes";
  public static final String SILENT_FACTOR = "ingest.silent.factor";
  public static final String SILENT_MIN_MINUTES = "ingest.silent.min.minutes";

  public static final ConfigDef DEF = CommonSettings.define()
      .define(FEEDS_FILE, Type.STRING, "", Importance.HIGH,
          "YAML feed list that ingest publishes to the feeds topic at start. Empty: the bundled default EU–Russia list.")
      .define(GROUP_ID, Type.STRING, "eurus-ingest", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Consumer group of the ingest instances: instances with the same group split the feeds (partitions of 'feeds').")
      .define(USER_AGENT, Type.STRING, "Eurus/0.1 (+https://github.com/eurus-monitor/eurus; media monitoring)",
          new ConfigDef.NonEmptyString(), Importance.LOW, "User-Agent sent with every feed request.")
      .define(REQUEST_TIMEOUT_SECONDS, Type.INT, 20, Range.between(1, 300), Importance.LOW,
          "Deadline of one feed request: connect, headers and the whole body.")
      .define(MAX_BODY_BYTES, Type.LONG, 10L * 1024 * 1024, Range.between(1024, 1024L * 1024 * 1024), Importance.LOW,
          "Largest feed body read (also after gzip); a larger one is cut off while reading and the poll fails.")
      .define(MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW, "Redirects followed per request.")
      .define(MAX_REQUESTS_PER_HOST, Type.INT, 2, Range.between(1, 64), Importance.MEDIUM,
          "Requests in flight to one host at most, however many of its feeds are due.")
      .define(MAX_BACKOFF_MINUTES, Type.INT, 60, Range.between(1, 24 * 60), Importance.LOW,
          "Longest wait between polls of a failing feed (the wait doubles from its interval with each failure).")
      .define(FULLTEXT_MAX_BYTES, Type.LONG, 2L * 1024 * 1024, Range.between(1024, 100L * 1024 * 1024), Importance.LOW,
          "Largest article page read for full text (feeds with fullText: true).")
      .define(FULLTEXT_TIMEOUT_SECONDS, Type.INT, 10, Range.between(1, 120), Importance.LOW,
          "Time allowed to fetch and extract one article's full text before the feed's summary is used instead.")
      .define(FAILING_ALERT_MINUTES, Type.INT, 30, Range.between(1, 7 * 24 * 60), Importance.MEDIUM,
          "A feed whose polls have all failed for this long raises FEED_FAILING.")
      .define(SILENT_FACTOR, Type.DOUBLE, 6.0, Range.atLeast(1.0), Importance.MEDIUM,
          "A feed with no new item for this many times its usual interval between items raises FEED_SILENT.")
      .define(SILENT_MIN_MINUTES, Type.INT, 180, Range.between(1, 30 * 24 * 60), Importance.MEDIUM,
          "FEED_SILENT never fires before a feed has been silent this long, however busy it usually is.");

  public IngestSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  /** Where Kafka is and the operator's client settings for it. */
  public KafkaConnection kafka() {
    return KafkaConnection.of(this);
  }

  public int topicPartitions() {
    return getInt(CommonSettings.TOPIC_PARTITIONS);
  }

  public String feedsFile() {
    return getString(FEEDS_FILE);
  }

  public String groupId() {
    return getString(GROUP_ID);
  }

  public String userAgent() {
    return getString(USER_AGENT);
  }

  public int requestTimeoutSeconds() {
    return getInt(REQUEST_TIMEOUT_SECONDS);
  }

  public FeedFetcher.Options fetchOptions() {
    return new FeedFetcher.Options(userAgent(), Duration.ofSeconds(requestTimeoutSeconds()), getLong(MAX_BODY_BYTES),
        getInt(MAX_REDIRECTS), getInt(MAX_REQUESTS_PER_HOST));
  }

  public Duration maxBackoff() {
    return Duration.ofMinutes(getInt(MAX_BACKOFF_MINUTES));
  }

  public long fullTextMaxBytes() {
    return getLong(FULLTEXT_MAX_BYTES);
  }

  public Duration fullTextTimeout() {
    return Duration.ofSeconds(getInt(FULLTEXT_TIMEOUT_SECONDS));
  }

  public Duration failingAlertAfter() {
    return Duration.ofMinutes(getInt(FAILING_ALERT_MINUTES));
  }

  public double silentFactor() {
    return getDouble(SILENT_FACTOR);
  }

  public Duration silentMinimum() {
    return Duration.ofMinutes(getInt(SILENT_MIN_MINUTES));
  }
}
