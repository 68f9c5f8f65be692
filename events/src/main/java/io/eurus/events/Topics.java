package io.eurus.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Eurus uses, in one place. docker-compose.yml creates the same names (a test checks).
 */
public final class Topics {

  private static final Serde<String> KEY = Serdes.String();

  /** Feed definitions, keyed by feed id; compacted. Ingest instances split its partitions. */
  public static final Topic<String, FeedDefinition> FEEDS =
      new Topic<>("feeds", KEY, new JsonSerde<>(FeedDefinition.class), true, "feed definitions, keyed by feed id");

  /** The latest health of each feed, keyed by feed id; compacted. */
  public static final Topic<String, FeedStatus> FEED_STATUS =
      new Topic<>("feed-status", KEY, new JsonSerde<>(FeedStatus.class), true, "feed health after each poll, keyed by feed id");

  /**
   * What ingest remembers per feed (seen items, validators, health), keyed by feed id; compacted. Same
   * partition count and keys as {@link #FEEDS}, so the instance that polls a feed owns its state.
   */
  public static final Topic<String, FeedState> INGEST_STATE =
      new Topic<>("ingest.state", KEY, new JsonSerde<>(FeedState.class), true,
          "ingest's memory per feed (seen items, validators, health), keyed by feed id");

  /** Normalised, de-duplicated articles, keyed by article id. */
  public static final Topic<String, Article> ARTICLES =
      new Topic<>("articles", KEY, new JsonSerde<>(Article.class), false, "normalised articles, keyed by article id");

  /** Articles with relevance, rule matches and tone, keyed by article id. */
  public static final Topic<String, EnrichedArticle> ARTICLES_ENRICHED =
      new Topic<>("articles.enriched", KEY, new JsonSerde<>(EnrichedArticle.class), false,
          "articles with relevance, rules and tone, keyed by article id");

  /** Records the processor could not read, with the reason. */
  public static final Topic<String, DeadLetter> ARTICLES_DLQ =
      new Topic<>("articles.dlq", KEY, new JsonSerde<>(DeadLetter.class), false, "articles the processor could not read");

  /** Windowed series of coverage (volume, tone, baseline) per source bloc and for all sources. */
  public static final Topic<String, ToneWindow> TONE_WINDOWS =
      new Topic<>("tone.windows", KEY, new JsonSerde<>(ToneWindow.class), true,
          "windowed tone and volume per series, keyed by series@windowStart");

  /** Detections for the desk, keyed by alert key. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("alerts", KEY, new JsonSerde<>(Alert.class), false, "detections, keyed by alert key");

  /** Alerts that could not be delivered to a channel, with the reason. */
  public static final Topic<String, DeadLetter> ALERTS_DLQ =
      new Topic<>("alerts.dlq", KEY, new JsonSerde<>(DeadLetter.class), false, "alerts a channel could not take, with the reason");

  /** The desk's acknowledgements, keyed by alert key; compacted so they outlive restarts. */
  public static final Topic<String, AlertAck> ALERTS_ACKS =
      new Topic<>("alerts.acks", KEY, new JsonSerde<>(AlertAck.class), true, "the desk's acknowledgements, keyed by alert key");

  /** The desk's mutes of stories and rules, keyed by {@code story:ID} or {@code rule:ID}; compacted. */
  public static final Topic<String, Mute> ALERTS_MUTES =
      new Topic<>("alerts.mutes", KEY, new JsonSerde<>(Mute.class), true,
          "the desk's mutes of stories and rules, keyed by story:ID or rule:ID");

  /**
   * What each channel took, keyed by alert key: receipts that let a redrive of {@link #ALERTS_DLQ} skip what a
   * channel already has. Not compacted: receipts age out with the dead letters they answer for.
   */
  public static final Topic<String, Delivered> ALERTS_DELIVERED =
      new Topic<>("alerts.delivered", KEY, new JsonSerde<>(Delivered.class), false, "what each channel took, keyed by alert key");

  public static final List<Topic<?, ?>> ALL =
      List.of(FEEDS, FEED_STATUS, INGEST_STATE, ARTICLES, ARTICLES_ENRICHED, ARTICLES_DLQ, TONE_WINDOWS, ALERTS, ALERTS_DLQ,
          ALERTS_ACKS, ALERTS_MUTES, ALERTS_DELIVERED);

  private Topics() {
  }
}
