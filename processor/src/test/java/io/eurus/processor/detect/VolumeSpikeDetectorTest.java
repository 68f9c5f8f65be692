package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.processor.coverage.Series;
import io.eurus.processor.detect.Episode.Change;
import io.eurus.processor.testing.AnnotatedSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VOLUME_SPIKE on annotated series of hourly story counts, one day per line from midnight UTC, starting on a
 * Monday; bundled sensitivity: at least 5 stories, 2x and 4 sd above the usual for the hour, 3 days to learn an
 * hour, over after 2 calm windows.
 */
class VolumeSpikeDetectorTest {

  /** Four weekdays of a desk's usual rhythm: quiet nights, a busy working day. */
  private static final String FOUR_WEEKDAYS = """
       1   0   1   1   0   1   4   4   5   7   9   8   9   7   6   7   9   5   4   4   3   3   1   1   # Monday
       2   1   2   1   2   2   3   3   4   7   9   7   8   8   6   8   9   6   6   4   4   2   2   1   # Tuesday
       1   0   1   0   1   1   2   5   6   6   8   6   9   7   5   7   9   7   4   3   3   4   2   1   # Wednesday
       1   0   1   0   0   1   2   4   6   7   8   7   7   7   6   7   8   7   6   5   5   2   2   2   # Thursday
      """;

  private final DetectorConfig bundled = DetectorConfig.bundled();
  private final Series series = Series.all("eu-russia");

  @Test
  void dailyRhythmIsNotASpike() {
    assertThat(run(FOUR_WEEKDAYS + """
       1   0   2   0   1   2   2   5   5   6   9   7   7   7   7   7   8   6   6   3   3   2   2   1   # Friday: 9 at 10:00 is usual
        """)).isEmpty();
  }

  @Test
  void burstAgainstTheUsualForTheSameHourFiresOnce() {
    AnnotatedSeries input = AnnotatedSeries.parse(FOUR_WEEKDAYS + """
       1   0   2   0   1   2   2   5   5   6   9   7   7   7                                           # Friday morning
      24                                                                                               # [burst] 14:00: expulsions announced
      26  19                                                                                           # still bursting
       6   5   4   4   3   2   1                                                                       # [calm] 17:00 back to usual
        """);

    List<Fired> fired = run(input);

    assertThat(fired).filteredOn(f -> f.finding().change() == Change.OPENED).singleElement().satisfies(f -> {
      assertThat(f.window()).isEqualTo(input.mark("burst"));
      assertThat(f.finding().current()).isEqualTo(24);
      assertThat(f.finding().baseline()).as("the usual at 14:00, not the day's average").isBetween(5.0, 7.5);
      assertThat(f.finding().deviation()).isGreaterThan(4);
    });
    assertThat(fired).extracting(f -> f.finding().change()).endsWith(Change.ENDED);
    assertThat(fired.get(fired.size() - 1).window()).isEqualTo(input.mark("calm") + 1);
    assertThat(fired).extracting(f -> f.finding().episode().key()).containsOnly(fired.get(0).finding().episode().key());
  }

  @Test
  void smallBurstInAQuietHourFires() {
    List<Fired> fired = run(FOUR_WEEKDAYS + """
       1   0   1   7                                                                                   # 03:00 on a Friday: 7 stories
        """);

    assertThat(fired).singleElement().satisfies(f -> assertThat(f.finding().change()).isEqualTo(Change.OPENED));
  }

  @Test
  void fiveStoriesWhereUnderOneIsUsualAreNotASpike() {
    // 04:00 has had 0, 2, 1, 0 stories: five are more than 4 sd above the usual (whose spread is at least one story)
    // and six times it, yet a Poisson count that averages under one reaches five about once in a thousand windows.
    assertThat(run(FOUR_WEEKDAYS + """
       1   0   1   0   5                                                                               # 04:00 on a Friday: 5 stories
        """)).isEmpty();
  }

  @Test
  void fewerStoriesThanTheMinimumNeverFire() {
    assertThat(run(FOUR_WEEKDAYS + """
       1   0   1   4                                                                                   # 4 at 03:00: unusual, but too few
        """)).isEmpty();
  }

  @Test
  void hourNotYetLearntOnAWeekendBorrowsTheWeekday() {
    List<Fired> fired = run(FOUR_WEEKDAYS + """
       1   0   2   0   1   2   2   5   5   6   9   7   7   7   7   7   8   6   6   3   3   2   2   1   # Friday
       0   0   1   0   0   1   1   2   3   4   5   4   5   4  26                                       # Saturday 14:00
        """);

    assertThat(fired).singleElement().satisfies(f -> assertThat(f.finding().current()).isEqualTo(26));
  }

  @Test
  void nothingFiresBeforeAnHourHasBeenSeenOnEnoughDays() {
    assertThat(run("""
       1   0   1   1   0   1   4   4   5   7   9   8   9   7   6   7   9   5   4   4   3   3   1   1   # Monday
       2   1   2   1   2   2   3   3   4   7   9   7   8   8  30                                       # Tuesday 14:00: only a day known
        """)).isEmpty();
  }

  record Fired(int window, Finding finding) {
  }

  private List<Fired> run(String text) {
    return run(AnnotatedSeries.parse(text));
  }

  private List<Fired> run(AnnotatedSeries input) {
    VolumeSpikeDetector detector = new VolumeSpikeDetector(bundled.volumeSpike(), bundled.windows());
    VolumeSpikeDetector.State state = detector.initial();
    List<Fired> fired = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      VolumeSpikeDetector.Outcome outcome = detector.step(state, series, input.volumeWindow(series, i));
      state = outcome.state();
      if (outcome.finding() != null) {
        fired.add(new Fired(i, outcome.finding()));
      }
    }
    return fired;
  }
}
