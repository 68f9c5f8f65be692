package io.eurus.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Direction;
import io.eurus.events.Evidence;
import io.eurus.events.Severity;
import io.eurus.tools.bench.DetectorQuality.Episode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which episodes find a planted event, which are the tone returning after it, and which are false alarms. */
class DetectorQualityTest {

  private static final PlantedEvent RUSSIAN_STATE_CONFLICT = new PlantedEvent("Russian state media turn conflictual",
      Instant.parse("2026-10-12T00:00:00Z"), Instant.parse("2026-10-15T00:00:00Z"), Set.of("russia-state"),
      Set.of("TONE_SHIFT", "TONE_DIVERGENCE"), "NEGATIVE");

  @Test
  void shiftOfTheEventsBlocAndDirectionWhileItLastsFindsIt() {
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-12T00:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).isTrue();
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, null, Direction.NEGATIVE, "2026-10-13T05:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).as("over all sources").isTrue();
  }

  @Test
  void wrongBlocDirectionTypeOrTimeDoesNotFindIt() {
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "eu-media", Direction.NEGATIVE, "2026-10-12T00:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).isFalse();
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "russia-state", Direction.POSITIVE, "2026-10-12T00:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).isFalse();
    assertThat(DetectorQuality.finds(episode(AlertType.VOLUME_SPIKE, "russia-state", null, "2026-10-12T00:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).isFalse();
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-15T06:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).as("dated after it ended").isFalse();
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-11T12:00:00Z"),
        RUSSIAN_STATE_CONFLICT)).as("raised before it began").isFalse();
    assertThat(DetectorQuality.finds(episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-14T00:00:00Z",
        "2026-10-17T00:00:00Z"), RUSSIAN_STATE_CONFLICT)).as("raised days after it ended").isFalse();
  }

  @Test
  void shiftRaisedWhileItLastsButDatedEarlierFindsIt() {
    Episode datedEarly = episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-11T12:00:00Z",
        "2026-10-12T10:30:00Z");

    assertThat(DetectorQuality.finds(datedEarly, RUSSIAN_STATE_CONFLICT)).isTrue();
    assertThat(DetectorQuality.report("month.jsonl", 30, List.of(datedEarly), List.of(RUSSIAN_STATE_CONFLICT)))
        .contains("first alert 10h30m after it began; 1 dated over 6h before it began");
  }

  @Test
  void oppositeShiftAsTheEventEndsIsTheToneReturningButNotDaysLater() {
    assertThat(DetectorQuality.returnsFrom(episode(AlertType.TONE_SHIFT, "russia-state", Direction.POSITIVE,
        "2026-10-15T00:00:00Z"), RUSSIAN_STATE_CONFLICT)).isTrue();
    assertThat(DetectorQuality.returnsFrom(episode(AlertType.TONE_SHIFT, "russia-state", Direction.POSITIVE,
        "2026-10-18T00:00:00Z"), RUSSIAN_STATE_CONFLICT)).isFalse();
  }

  @Test
  void reportCountsWhatNoEventExplainsAsFalseAlarmsAndNamesMissedEvents() {
    List<Episode> episodes = List.of(
        episode(AlertType.TONE_SHIFT, "russia-state", Direction.NEGATIVE, "2026-10-12T00:00:00Z"),
        episode(AlertType.TONE_SHIFT, "russia-state", Direction.POSITIVE, "2026-10-15T00:00:00Z"),
        episode(AlertType.VOLUME_SPIKE, "eu-institutions", null, "2026-10-17T02:00:00Z"));
    PlantedEvent missed = new PlantedEvent("EU side turns cooperative", Instant.parse("2026-10-20T00:00:00Z"),
        Instant.parse("2026-10-22T00:00:00Z"), Set.of("eu-media"), Set.of("TONE_SHIFT"), "POSITIVE");

    String report = DetectorQuality.report("month.jsonl", 28, episodes, List.of(RUSSIAN_STATE_CONFLICT, missed));

    assertThat(report).contains("found  Russian state media turn conflictual: 1 episodes (TONE_SHIFT 1), first alert 1h30m"
        + " after it began; 1 on its end", "MISSED EU side turns cooperative",
        "false alarms: 1 (VOLUME_SPIKE 1) = 0.3 a week", "VOLUME_SPIKE eu-russia/eu-institutions");
  }

  /** An episode raised when its first window closed: an hour and a half after it began. */
  private static Episode episode(AlertType type, String bloc, Direction direction, String at) {
    return episode(type, bloc, direction, at, Instant.parse(at).plusSeconds(5_400).toString());
  }

  private static Episode episode(AlertType type, String bloc, Direction direction, String at, String created) {
    Instant start = Instant.parse(at);
    String series = "eu-russia/" + (bloc == null ? "all" : bloc);
    String key = type + ":" + series + ":" + at;
    Evidence evidence = Evidence.builder()
        .series(series)
        .windowStart(start)
        .windowEnd(start.plusSeconds(3_600))
        .build();
    return new Episode(Alert.builder()
        .id(Alert.idOf(key, 1))
        .key(key)
        .revision(1)
        .type(type)
        .severity(Severity.HIGH)
        .title("")
        .summary("")
        .at(start)
        .created(Instant.parse(created))
        .bloc(bloc)
        .direction(direction)
        .articles(List.of())
        .evidence(evidence)
        .build(), 1);
  }
}
