package io.eurus.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeskTest {

  private final Desk desk = new Desk(100, Duration.ofHours(72));

  @Test
  void aFeedStatusTombstoneRemovesTheFeedAndTellsTheWatchers() {
    desk.feed(status("kept"));
    desk.feed(status("gone"));
    List<Desk.Change> changes = new ArrayList<>();
    desk.watch(changes::add, snapshot -> { });

    desk.feedRemoved("gone");

    assertThat(desk.feeds()).extracting(FeedStatus::feedId).containsExactly("kept");
    assertThat(changes).containsExactly(new Desk.Change("feed-removed", "gone"));
  }

  @Test
  void aPageThatConnectsAfterTheRemovalDoesNotGetTheFeedInItsSnapshot() {
    desk.feed(status("gone"));
    desk.feedRemoved("gone");
    List<Map<String, Object>> snapshots = new ArrayList<>();

    desk.watch(change -> { }, snapshots::add);

    assertThat(snapshots).singleElement().satisfies(snapshot -> assertThat((List<?>) snapshot.get("feeds")).isEmpty());
  }

  @Test
  void aTombstoneForAFeedNotShownChangesNothing() {
    desk.feed(status("kept"));
    List<Desk.Change> changes = new ArrayList<>();
    desk.watch(changes::add, snapshot -> { });

    desk.feedRemoved("never-seen");

    assertThat(changes).isEmpty();
    assertThat(desk.feeds()).extracting(FeedStatus::feedId).containsExactly("kept");
  }

  @Test
  void aFeedListedAgainAfterItsRemovalIsShownAgain() {
    desk.feed(status("back"));
    desk.feedRemoved("back");
    desk.feed(status("back"));

    assertThat(desk.feeds()).extracting(FeedStatus::feedId).containsExactly("back");
  }

  private static FeedStatus status(String feedId) {
    return FeedStatus.builder()
        .schemaVersion(1)
        .feedId(feedId)
        .url("https://news.example/" + feedId + ".xml")
        .bloc("eu-media")
        .checkedAt(Instant.now())
        .lastSuccess(Instant.now())
        .consecutiveFailures(0)
        .itemsInLastPoll(5)
        .itemsPerDay(40.0)
        .averageItemIntervalSeconds(1800.0)
        .newestItem(Instant.now())
        .malformed(false)
        .build();
  }
}
