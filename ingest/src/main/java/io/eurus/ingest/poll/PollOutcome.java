package io.eurus.ingest.poll;

import io.eurus.events.Alert;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import java.util.List;

/**
 * Everything one poll of one feed produced, published together in one Kafka transaction: the new and
 * edited articles, the feed's state (so they are remembered as seen exactly when they are published), its
 * status, and any health alert.
 *
 * @param state      the feed's state after the poll; the poller keeps it once the transaction committed
 * @param writeState whether the state changed enough to be written (a 304 that changes nothing is not)
 */
public record PollOutcome(FeedDefinition feed, Result result, List<Article> articles, FeedState state, boolean writeState,
    FeedStatus status, List<Alert> alerts) {

  /** How the poll went, for metrics. */
  public enum Result {
    MODIFIED, NOT_MODIFIED, FAILED
  }

  public PollOutcome {
    articles = List.copyOf(articles);
    alerts = List.copyOf(alerts);
  }
}
