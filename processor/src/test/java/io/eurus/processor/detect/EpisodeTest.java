package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Direction;
import io.eurus.events.Severity;
import io.eurus.processor.detect.Episode.Change;
import io.eurus.processor.detect.Episode.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The life of an alert, hour by hour: end after 3 calm windows, cool-down 6 h, at most 12 h, re-sent 1 sd deeper. */
class EpisodeTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final DetectorConfig.Episodes RULES =
      new DetectorConfig.Episodes(1.0, 3, Duration.ofHours(6), Duration.ofHours(12), 1.0, 3.0, 5.0);

  @Test
  void firstFiringOpensRevisionOneUnderTheNewKey() {
    Step step = Episode.fire(null, "K1", Direction.NEGATIVE, 0, HOUR, -3.2, RULES);

    assertThat(step.change()).isEqualTo(Change.OPENED);
    assertThat(step.episode().key()).isEqualTo("K1");
    assertThat(step.episode().revision()).isEqualTo(1);
    assertThat(step.episode().open()).isTrue();
  }

  @Test
  void deepeningByTheUpdateStepIsResentAndSmallerMovesAreNot() {
    Episode open = Episode.fire(null, "K1", Direction.NEGATIVE, 0, HOUR, -3.2, RULES).episode();

    Step slightly = open.observe(2 * HOUR, false, -3.9, RULES);
    Step deeper = slightly.episode().observe(3 * HOUR, false, -4.3, RULES);

    assertThat(slightly.change()).isNull();
    assertThat(deeper.change()).isEqualTo(Change.DEEPENED);
    assertThat(deeper.episode().revision()).isEqualTo(2);
    assertThat(deeper.episode().sentDeviation()).isEqualTo(-4.3);
  }

  @Test
  void endsOnlyAfterThreeCalmWindowsInARow() {
    Episode episode = Episode.fire(null, "K1", Direction.NEGATIVE, 0, HOUR, -3.2, RULES).episode();
    boolean[] calm = {true, true, false, true, true};
    for (int i = 0; i < calm.length; i++) {
      Step step = episode.observe((i + 2) * HOUR, calm[i], -1, RULES);
      assertThat(step.change()).as("window %d", i).isNull();
      episode = step.episode();
    }

    Step third = episode.observe(7 * HOUR, true, -0.5, RULES);

    assertThat(third.change()).isEqualTo(Change.ENDED);
    assertThat(third.episode().open()).isFalse();
    assertThat(third.episode().closed()).isEqualTo(7 * HOUR);
  }

  @Test
  void firingTheSameWayWithinTheCooldownReopensAndAfterItOpensAnew() {
    Episode ended = endedAt(5 * HOUR);

    Step within = Episode.fire(ended, "K2", Direction.NEGATIVE, 9 * HOUR, 11 * HOUR, -3.5, RULES);
    Step otherWay = Episode.fire(ended, "K3", Direction.POSITIVE, 9 * HOUR, 11 * HOUR, 3.5, RULES);
    Step after = Episode.fire(ended, "K4", Direction.NEGATIVE, 10 * HOUR, 12 * HOUR, -3.5, RULES);

    assertThat(within.change()).isEqualTo(Change.REOPENED);
    assertThat(within.episode().key()).isEqualTo("K1");
    assertThat(within.episode().revision()).isEqualTo(ended.revision() + 1);
    assertThat(otherWay.change()).isEqualTo(Change.OPENED);
    assertThat(after.change()).isEqualTo(Change.OPENED);
    assertThat(after.episode().key()).isEqualTo("K4");
  }

  @Test
  void lastingBeyondTheMaximumBecomesTheNormal() {
    Episode episode = Episode.fire(null, "K1", Direction.NEGATIVE, 0, HOUR, -3.2, RULES).episode();

    Step step = episode.observe(13 * HOUR, false, -3.2, RULES);

    assertThat(step.change()).isEqualTo(Change.ADAPTED);
    assertThat(step.episode().open()).isFalse();
  }

  @Test
  void severityFollowsTheSizeOfTheDeviationEitherWay() {
    assertThat(Episode.severity(-2.9, RULES)).isEqualTo(Severity.MEDIUM);
    assertThat(Episode.severity(3.0, RULES)).isEqualTo(Severity.HIGH);
    assertThat(Episode.severity(-5.1, RULES)).isEqualTo(Severity.CRITICAL);
  }

  private static Episode endedAt(long windowEnd) {
    Episode episode = Episode.fire(null, "K1", Direction.NEGATIVE, 0, HOUR, -3.2, RULES).episode();
    for (long end = windowEnd - 2 * HOUR; end <= windowEnd; end += HOUR) {
      Step step = episode.observe(end, true, -0.2, RULES);
      episode = step.episode();
    }
    assertThat(episode.open()).isFalse();
    return episode;
  }
}
