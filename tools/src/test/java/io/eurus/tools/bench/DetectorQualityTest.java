package io.eurus.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.Evidence;
import io.eurus.events.Severity;
import io.eurus.tools.bench.DetectorQuality.Episode;
import io.eurus.tools.bench.DetectorQuality.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which episodes find a listed real event, which are false alarms, and how the desk's day is counted. */
class DetectorQualityTest {

  private static final RealEvent PACKAGE = new RealEvent(LocalDate.parse("2023-02-24"), LocalDate.parse("2023-02-25"),
      "rss_en_2023", "10th sanctions package", "https://example.org/10th");

  @TempDir
  Path folder;

  @Test
  void eventCoversWhatIsRaisedFromTheEveningBeforeToADayAfterItsLastDay() {
    assertThat(PACKAGE.covers(Instant.parse("2023-02-23T18:00:00Z"))).as("six hours before its first day").isTrue();
    assertThat(PACKAGE.covers(Instant.parse("2023-02-23T17:59:00Z"))).isFalse();
    assertThat(PACKAGE.covers(Instant.parse("2023-02-26T23:59:00Z"))).as("a day after its last day").isTrue();
    assertThat(PACKAGE.covers(Instant.parse("2023-02-27T00:00:00Z"))).isFalse();
    assertThat(PACKAGE.covers(Instant.parse("2023-02-27T23:59:00Z"), true))
        .as("a day more where coverage is dated by the day, and seen only when the next day's arrives").isTrue();
  }

  @Test
  void reportCountsFoundEventsDelaysAndFalseAlarmsPerDetector() {
    Run run = new Run("after", List.of(
        episode(AlertType.VOLUME_SPIKE, "2023-02-24T09:30:00Z", 2),
        episode(AlertType.TONE_SHIFT, "2023-02-25T01:00:00Z", 1),
        episode(AlertType.VOLUME_SPIKE, "2023-03-10T14:00:00Z", 1)),
        Map.of(LocalDate.parse("2023-02-24"), 12, LocalDate.parse("2023-03-10"), 45));
    RealEvent missed = new RealEvent(LocalDate.parse("2023-06-06"), null, "rss_en_2023", "Kakhovka dam", "https://example.org/dam");
    TreeSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.parse("2023-02-24"), LocalDate.parse("2023-03-10"),
        LocalDate.parse("2023-06-06")));

    String report = DetectorQuality.report(new DetectorQuality.Archive("rss_en_2023", days, false),
        List.of(PACKAGE, missed), List.of(run));

    assertThat(report).contains(
        "3 days with coverage, 2 events listed",
        "found  2023-02-24..02-25 10th sanctions package: TONE_SHIFT +1d01h, VOLUME_SPIKE +9h30m",
        "MISSED 2023-06-06        Kakhovka dam",
        "false alarms (episodes no listed event explains): 1",
        "2023-03-10 14:00 VOLUME_SPIKE eu-russia/all HIGH \"lead\"",
        "median 12, p75 45, p90 45, p99 45, max 45; days over 40: 1 of 3");
    assertThat(report.lines().filter(line -> line.trim().startsWith("VOLUME_SPIKE")).findFirst().orElseThrow())
        .as("episodes, events found, median delay, false alarms, per month, alerts a day (revisions included)")
        .matches("\\s+VOLUME_SPIKE\\s+2\\s+1 of 2\\s+\\+9h30m\\s+1\\s+10\\.1\\s+1\\.00");
  }

  @Test
  void alertsOfOneKeyAreOneEpisodeAndEveryRecordCountsInTheDay() throws Exception {
    Alert first = episode(AlertType.TONE_SHIFT, "2023-02-24T09:30:00Z", 1).first();
    Alert second = first.withId(Alert.idOf(first.key(), 2)).withRevision(2).withCreated(Instant.parse("2023-02-25T10:30:00Z"));
    Path alerts = Files.writeString(folder.resolve("alerts.jsonl"), io.eurus.events.Json.mapper().writeValueAsString(first)
        + "\n" + io.eurus.events.Json.mapper().writeValueAsString(second) + "\n");

    Run run = DetectorQuality.read("run", alerts);

    assertThat(run.episodes()).singleElement().satisfies(episode -> {
      assertThat(episode.revisions()).isEqualTo(2);
      assertThat(episode.raised()).isEqualTo(Instant.parse("2023-02-24T09:30:00Z"));
    });
    assertThat(run.alertsPerDay()).containsEntry(LocalDate.parse("2023-02-24"), 1).containsEntry(LocalDate.parse("2023-02-25"), 1);
  }

  @Test
  void eventsAreReadForTheirArchiveOnly() throws Exception {
    Path file = Files.writeString(folder.resolve("events.yaml"), """
        events:
          - { date: 2023-12-14, archive: rss_en_2023, what: "Accession talks", source: "https://example.org/a" }
          - { date: 2014-03-16, until: 2014-03-18, archive: 1tv_ru_2014, what: "Crimea", source: "https://example.org/c" }
        """);

    assertThat(RealEvent.load(file, "1tv_ru_2014")).singleElement()
        .satisfies(event -> assertThat(event.until()).isEqualTo(LocalDate.parse("2014-03-18")));
  }

  private static Episode episode(AlertType type, String raised, int revisions) {
    Instant at = Instant.parse(raised);
    String key = type + ":eu-russia/all:" + raised;
    Evidence evidence = new Evidence("eu-russia/all", at, at.plusSeconds(3_600), null, null, null, null, null, null, null);
    Alert alert = Alert.builder().id(Alert.idOf(key, 1)).key(key).revision(1).type(type).severity(Severity.HIGH)
        .title("").summary("").at(at).created(at)
        .articles(List.of(new ArticleRef("a", "lead", null, null, null, at, null))).evidence(evidence).build();
    return new Episode(alert, revisions);
  }
}
