package io.eurus.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.processor.stories.MinHash;
import io.eurus.processor.stories.Shingles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's scripted hours: what happens when, and that the everyday items are stories of their own. */
class DemoTimelineTest {

  private final DemoFeeds feeds = DemoFeeds.bundled();
  private final DemoTimeline timeline = DemoTimeline.bundled();
  private final List<DemoTimeline.Timed> schedule = timeline.schedule(feeds);

  @Test
  void sameFileGivesTheSameItemsAtTheSameTimes() {
    assertThat(DemoTimeline.bundled().schedule(feeds)).isEqualTo(schedule);
  }

  @Test
  void everyHandWrittenItemAndEveryLiveFeedHasItsPlaceButTheFeedThatIsDown() {
    int written = feeds.feeds().stream().mapToInt(feed -> feed.items().size()).sum();
    assertThat(schedule.stream().filter(item -> item.guid().startsWith("written:"))).hasSize(written);
    assertThat(schedule).extracting(DemoTimeline.Timed::feedId).doesNotContain("demo-baltic-monitor")
        .contains("demo-eu-council", "demo-ru-state-ru", "demo-world-wire");
    assertThat(schedule).allSatisfy(item -> assertThat(item.at()).isLessThan(timeline.length()));
  }

  @Test
  void wireStoryIsPickedUpByFiveOutletsWithinTheBurstHour() {
    Duration burst = Duration.ofHours(timeline.burst().at());
    List<DemoTimeline.Timed> wire = schedule.stream().filter(item -> item.guid().startsWith("wire:")).toList();

    assertThat(wire).extracting(DemoTimeline.Timed::feedId).doesNotHaveDuplicates().hasSize(5);
    assertThat(wire).allSatisfy(item -> assertThat(item.at()).isBetween(burst, burst.plusHours(1)));
  }

  @Test
  void turnMakesTheRussianStateFeedsBusierThanBefore() {
    Map<Boolean, Long> perHour = schedule.stream().filter(item -> item.feedId().startsWith("demo-ru-state"))
        .collect(Collectors.partitioningBy(item -> inTurn(item.at()), Collectors.counting()));
    double turnHours = timeline.turn().to() - timeline.turn().from();

    assertThat(perHour.get(true) / turnHours).as("stories an hour in the turn")
        .isGreaterThan(3 * perHour.get(false) / (timeline.hours() - turnHours));
  }

  @Test
  void noTwoEverydayItemsAreNearDuplicates() {
    List<DemoTimeline.Timed> everyday = schedule.stream().filter(item -> item.guid().startsWith("everyday:")).toList();
    List<int[]> signatures = everyday.stream().map(item -> MinHash.signature(Shingles.of(language(item),
        item.item().title(), item.item().summary()))).toList();

    double most = 0;
    for (int i = 0; i < signatures.size(); i++) {
      for (int j = i + 1; j < signatures.size(); j++) {
        most = Math.max(most, MinHash.similarity(signatures.get(i), signatures.get(j)));
      }
    }
    assertThat(most).as("the largest estimated similarity of two everyday items: under 0.4, where a story takes copies")
        .isLessThan(0.4);
  }

  @Test
  void demoClockCatchesUpWithRealTimeAndNeverRunsAhead() {
    Instant launched = Instant.parse("2026-12-06T10:17:30Z");
    DemoClock clock = DemoClock.catchingUp(launched, timeline.length(), timeline.speed());

    assertThat(clock.demoStart()).isEqualTo("2026-12-04T18:00:00Z");
    assertThat(clock.at(launched.plusSeconds(10))).isEqualTo("2026-12-05T04:00:00Z");
    assertThat(clock.at(launched.plusSeconds(600))).isEqualTo(launched.plusSeconds(600));
    assertThat(clock.realAt(Instant.parse("2026-12-05T04:00:00Z"))).isEqualTo(launched.plusSeconds(10));
  }

  private boolean inTurn(Duration at) {
    return at.compareTo(Duration.ofHours(timeline.turn().from())) >= 0 && at.compareTo(Duration.ofHours(timeline.turn().to())) < 0;
  }

  private String language(DemoTimeline.Timed item) {
    return feeds.feeds().stream().filter(feed -> feed.id().equals(item.feedId())).findFirst().orElseThrow().language();
  }
}
