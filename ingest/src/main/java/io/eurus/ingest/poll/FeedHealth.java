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
    return FeedState.builder()
        .feedId(s.feedId())
        .etag(etag)
        .lastModified(lastModified)
        .seen(seen)
        .recentItems(kept)
        .lastSuccess(now)
        .lastError(s.lastError())
        .consecutiveFailures(0)
        .malformed(malformed)
        .recovered(recovered)
        .failingAlerted(s.failingAlerted())
        .silentAlerted(s.silentAlerted())
        .build();
  }

  /** After a failed poll; {@code retryAfter} is the server's Retry-After, or null. */
  public FeedState failed(FeedState s, Instant now, String reason, Duration retryAfter) {
    return s.with()
        .lastError(now)
        .lastErrorReason(reason)
        .consecutiveFailures(s.consecutiveFailures() + 1)
        .failingSince(s.failingSince() == null ? now : s.failingSince())
        .notBefore(retryAfter == null ? null : now.plus(retryAfter))
        .build();
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
    return FeedStatus.builder()
        .feedId(feed.id())
        .url(feed.url())
        .bloc(feed.bloc())
        .checkedAt(now)
        .lastSuccess(s.lastSuccess())
        .lastError(s.lastError())
        .lastErrorReason(s.lastErrorReason())
        .consecutiveFailures(s.consecutiveFailures())
        .itemsInLastPoll(itemsInLastPoll)
        .itemsPerDay(interval == null || interval <= 0 ? 0.0 : Math.round(86_400 / interval * 10) / 10.0)
        .averageItemIntervalSeconds(interval == null ? null : Math.round(interval * 10) / 10.0)
        .newestItem(s.recentItems().isEmpty() ? null : s.recentItems().get(0))
        .malformed(s.malformed())
        .recovered(s.recovered())
        .build();
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
    return Alert.builder()
        .id(Alert.idOf(key, 1))
        .key(key)
        .revision(1)
        .type(type)
        .severity(Severity.MEDIUM)
        .title(title)
        .summary(summary)
        .at(episode)
        .created(now)
        .bloc(feed.bloc())
        .feedId(feed.id())
        .articles(List.of())
        .build();
  }

  private static FeedState withAlerted(FeedState s, Instant failingAlerted, Instant silentAlerted) {
    return s.withFailingAlerted(failingAlerted).withSilentAlerted(silentAlerted);
  }
}
