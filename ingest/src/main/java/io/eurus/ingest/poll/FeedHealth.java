package io.eurus.ingest.poll;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The health of a feed from its polls: success and failure bookkeeping, its usual rhythm of new items,
 * its status for {@code feed-status}, and the FEED_FAILING / FEED_SILENT alerts, each raised once per
 * episode (the state remembers which episode was alerted, across restarts too).
 */
public final class FeedHealth {

  /** Published times kept to learn a feed's rhythm. */
  static final int RHYTHM_ITEMS = 50;
  /** Fewer items than this are no rhythm to call a silence against. */
  static final int MIN_RHYTHM_ITEMS = 5;

  private final Duration failingAfter;
  private final double silentFactor;
  private final Duration silentMinimum;

  public FeedHealth(Duration failingAfter, double silentFactor, Duration silentMinimum) {
    this.failingAfter = failingAfter;
    this.silentFactor = silentFactor;
    this.silentMinimum = silentMinimum;
  }

  /** A state with its alerts: the alerts are published in the same transaction as the state. */
  public record Checked(FeedState state, List<Alert> alerts) {
  }

  /**
   * After a successful poll.
   *
   * @param etag, lastModified the new validators (a 304 passes the old ones)
   * @param newItems published times of the items seen for the first time
   */
  public FeedState succeeded(FeedState s, Instant now, String etag, String lastModified, List<FeedState.Seen> seen,
      List<Instant> newItems, boolean malformed, String recovered) {
    List<Instant> recent = new ArrayList<>(s.recentItems());
    recent.addAll(newItems);
    recent.sort(Comparator.reverseOrder());
    List<Instant> kept = recent.size() > RHYTHM_ITEMS ? recent.subList(0, RHYTHM_ITEMS) : recent;
    return new FeedState(FeedState.SCHEMA_VERSION, s.feedId(), etag, lastModified, seen, kept, now, s.lastError(),
        null, 0, null, null, malformed, recovered, s.failingAlerted(), s.silentAlerted());
  }

  /** After a failed poll; {@code retryAfter} is the server's Retry-After, or null. */
  public FeedState failed(FeedState s, Instant now, String reason, Duration retryAfter) {
    return new FeedState(FeedState.SCHEMA_VERSION, s.feedId(), s.etag(), s.lastModified(), s.seen(), s.recentItems(),
        s.lastSuccess(), now, reason, s.consecutiveFailures() + 1, s.failingSince() == null ? now : s.failingSince(),
        retryAfter == null ? null : now.plus(retryAfter), s.malformed(), s.recovered(), s.failingAlerted(), s.silentAlerted());
  }

  /** The alerts due now, and the state that remembers them. */
  public Checked check(FeedDefinition feed, FeedState s, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    FeedState state = s;
    if (s.failingSince() != null && !s.failingSince().equals(s.failingAlerted())
        && Duration.between(s.failingSince(), now).compareTo(failingAfter) >= 0) {
      long minutes = Duration.between(s.failingSince(), now).toMinutes();
      alerts.add(alert(AlertType.FEED_FAILING, feed, s.failingSince(), now, "Feed failing: " + feed.name(),
          feed.name() + " (" + feed.id() + ") has failed every poll for " + minutes + " min, " + s.consecutiveFailures()
              + " in a row: " + s.lastErrorReason()));
      state = withAlerted(state, s.failingSince(), state.silentAlerted());
    }
    Double usual = averageIntervalSeconds(s);
    Instant newest = s.recentItems().isEmpty() ? null : s.recentItems().get(0);
    if (s.failingSince() == null && usual != null && s.recentItems().size() >= MIN_RHYTHM_ITEMS
        && !newest.equals(s.silentAlerted())) {
      Duration threshold = Duration.ofSeconds((long) (usual * silentFactor));
      if (threshold.compareTo(silentMinimum) < 0) {
        threshold = silentMinimum;
      }
      Duration silent = Duration.between(newest, now);
      if (silent.compareTo(threshold) > 0) {
        alerts.add(alert(AlertType.FEED_SILENT, feed, newest, now, "Feed silent: " + feed.name(),
            feed.name() + " (" + feed.id() + ") has published nothing for " + silent.toMinutes() + " min; it usually publishes every "
                + Math.round(usual / 60) + " min. Polls succeed, so the source itself is quiet or has moved."));
        state = withAlerted(state, state.failingAlerted(), newest);
      }
    }
    return new Checked(state, alerts);
  }

  public FeedStatus status(FeedDefinition feed, FeedState s, Instant now, int itemsInLastPoll) {
    Double interval = averageIntervalSeconds(s);
    return new FeedStatus(FeedStatus.SCHEMA_VERSION, feed.id(), feed.url(), feed.bloc(), now, s.lastSuccess(), s.lastError(),
        s.lastErrorReason(), s.consecutiveFailures(), itemsInLastPoll,
        interval == null || interval <= 0 ? 0.0 : Math.round(86_400 / interval * 10) / 10.0,
        interval == null ? null : Math.round(interval * 10) / 10.0,
        s.recentItems().isEmpty() ? null : s.recentItems().get(0), s.malformed(), s.recovered());
  }

  /** Mean time between the feed's recent items, null with fewer than two. */
  static Double averageIntervalSeconds(FeedState s) {
    List<Instant> recent = s.recentItems();
    if (recent.size() < 2) {
      return null;
    }
    Duration span = Duration.between(recent.get(recent.size() - 1), recent.get(0));
    return span.toMillis() / 1000.0 / (recent.size() - 1);
  }

  private static Alert alert(AlertType type, FeedDefinition feed, Instant episode, Instant now, String title, String summary) {
    String key = type + ":" + feed.id() + ":" + episode.getEpochSecond();
    return new Alert(Alert.SCHEMA_VERSION, Alert.idOf(key, 1), key, 1, type, Severity.MEDIUM, title, summary, episode, now,
        feed.bloc(), null, null, feed.id(), List.of(), null);
  }

  private static FeedState withAlerted(FeedState s, Instant failingAlerted, Instant silentAlerted) {
    return new FeedState(s.schemaVersion(), s.feedId(), s.etag(), s.lastModified(), s.seen(), s.recentItems(), s.lastSuccess(),
        s.lastError(), s.lastErrorReason(), s.consecutiveFailures(), s.failingSince(), s.notBefore(), s.malformed(),
        s.recovered(), failingAlerted, silentAlerted);
  }
}
