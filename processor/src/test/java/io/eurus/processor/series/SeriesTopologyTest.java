package io.eurus.processor.series;

import static io.eurus.processor.testing.Coverage.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.ToneWindow;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.testing.SeriesDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows on event time: hourly windows, 30 minutes' grace (the bundled detectors file). */
class SeriesTopologyTest {

  private static final String RU = "eu-russia/russia-state/ru";

  @TempDir
  Path state;

  private SeriesDriver driver;

  @BeforeEach
  void start() {
    driver = new SeriesDriver(DetectorConfig.bundled(), state);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void windowClosesWhenStreamTimePassesItsEndPlusGraceNotBefore() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-2", 2).from("РИА Новости", "russia-state", "ru").at("2026-11-20T10:40:00Z").tone(-0.2).build(),
        story("a-3", 3).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:29:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).as("stream time 11:29 is within the grace of the 10:00 window").isEmpty();

    driver.pipe(story("a-4", 4).from("Euractiv", "eu-media", "en").at("2026-11-20T11:30:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).singleElement().satisfies(window -> {
      assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
      assertThat(window.windowEnd()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
      assertThat(window.articles()).isEqualTo(2);
      assertThat(window.stories()).isEqualTo(2);
      assertThat(window.meanTone()).isEqualTo(-0.3);
      assertThat(window.toneVariance()).isEqualTo(0.02);
      assertThat(window.baselineMean()).as("still learning").isNull();
    });
  }

  @Test
  void everyArticleUpdatesItsOpenWindowsForTheDashboard() {
    driver.pipe(story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build());

    assertThat(driver.windows()).extracting(ToneWindow::series).containsExactly(
        RU, "eu-russia/russia-state", "eu-russia/all");
    assertThat(driver.windows()).allSatisfy(window -> {
      assertThat(window.closed()).isFalse();
      assertThat(window.articles()).isEqualTo(1);
    });
    assertThat(driver.windows().get(0)).satisfies(window -> {
      assertThat(window.bloc()).isEqualTo("russia-state");
      assertThat(window.language()).isEqualTo("ru");
      assertThat(window.profile()).isEqualTo("eu-russia");
    });
    assertThat(driver.windows().get(1).language()).isNull();
    assertThat(driver.windows().get(2).bloc()).isNull();
  }

  @Test
  void lateArticleWithinGraceCountsInItsWindow() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:20:00Z").tone(0.1).build(),
        // Published at 10:50, arrives after an 11:20 article: 20 minutes late, within the grace.
        story("a-3", 3).from("РИА Новости", "russia-state", "ru").at("2026-11-20T10:50:00Z").tone(-0.2).build(),
        story("a-4", 4).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:31:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).singleElement().satisfies(window -> assertThat(window.articles()).isEqualTo(2));
    assertThat(lateDropped()).isZero();
  }

  @Test
  void lateArticleAfterGraceIsDroppedAndCountedInTheMetric() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:45:00Z").tone(0.1).build());
    int before = driver.windows().size();

    // Published 10:50, arrives when stream time is 11:45: its window closed at 11:30.
    driver.pipe(story("a-3", 3).from("РИА Новости", "russia-state", "ru").at("2026-11-20T10:50:00Z").tone(-0.9).build());

    assertThat(lateDropped()).isEqualTo(1.0);
    assertThat(driver.windows()).hasSize(before);
    assertThat(driver.closed(RU)).singleElement().satisfies(window -> assertThat(window.articles()).isEqualTo(1));
  }

  @Test
  void syndicatedCopiesCountOnceInToneAndVolumeButEveryArticleIsCounted() {
    String wire = "The Russian Foreign Ministry summoned the ambassadors of Germany, France and Italy on Thursday over "
        + "the new package of European Union sanctions, calling the measures illegitimate and promising a tough "
        + "response to what it described as another hostile step by Brussels against Russian companies.";
    driver.pipe(
        story("a-1", 1).from("TASS", "russia-state", "en").at("2026-11-20T10:01:00Z").text(wire).tone(-0.8).build(),
        story("a-2", 1).from("RIA Novosti", "russia-state", "en").at("2026-11-20T10:07:00Z").text(wire).tone(-0.8).build(),
        story("a-3", 1).from("RT", "russia-state", "en").at("2026-11-20T10:12:00Z").text(wire + " Moscow said.").tone(-0.7).build(),
        story("a-4", 7).from("TASS", "russia-state", "en").at("2026-11-20T10:20:00Z").tone(0.4).build(),
        story("a-5", 8).from("TASS", "russia-state", "en").at("2026-11-20T10:30:00Z").tone(0.1).build(),
        story("a-6", 9).from("TASS", "russia-state", "en").at("2026-11-20T11:40:00Z").irrelevant().build());

    assertThat(driver.closed("eu-russia/russia-state/en")).singleElement().satisfies(window -> {
      assertThat(window.articles()).isEqualTo(5);
      assertThat(window.stories()).isEqualTo(3);
      assertThat(window.meanTone()).as("(-0.8 + 0.4 + 0.1) / 3: the story once").isEqualTo(-0.1);
    });
  }

  @Test
  void storyCountsOnceInEachSeriesWhereItAppears() {
    String wire = "Die Europäische Union hat am Donnerstag ein neues Sanktionspaket gegen Russland beschlossen, das "
        + "Banken, Reedereien und Rüstungsfirmen trifft und die Ölpreisobergrenze weiter senkt, teilte der Rat mit.";
    driver.pipe(
        story("a-1", 1).from("Council", "eu-institutions", "de").at("2026-11-20T10:01:00Z").text(wire).tone(-0.5).build(),
        story("a-2", 1).from("DW", "eu-media", "de").at("2026-11-20T10:09:00Z").text(wire).tone(-0.5).build(),
        story("a-3", 1).from("Tagesschau", "eu-media", "de").at("2026-11-20T10:15:00Z").text(wire).tone(-0.5).build(),
        story("a-4", 9).from("Council", "eu-institutions", "de").at("2026-11-20T11:40:00Z").irrelevant().build());

    assertThat(driver.closed("eu-russia/eu-institutions").get(0).stories()).isEqualTo(1);
    assertThat(driver.closed("eu-russia/eu-media").get(0)).satisfies(window -> {
      assertThat(window.articles()).isEqualTo(2);
      assertThat(window.stories()).isEqualTo(1);
    });
    assertThat(driver.closed("eu-russia/all").get(0)).satisfies(window -> {
      assertThat(window.articles()).isEqualTo(3);
      assertThat(window.stories()).isEqualTo(1);
    });
  }

  @Test
  void eventTimeIsThePublishedTimeButNeverLaterThanTheFetch() {
    driver.pipe(
        // Claims 13:00 but was fetched at 10:10: a wrong clock at the source; it belongs to the 10:00 window.
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T13:00:00Z").fetched("2026-11-20T10:10:00Z")
            .tone(-0.4).build(),
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:35:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).singleElement().satisfies(window -> {
      assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
      assertThat(window.articles()).isEqualTo(1);
    });
  }

  @Test
  void anArticleDatedAfterItReachedKafkaCountsWhenItReachedKafka() {
    // Published and fetched "tomorrow" by a host with a wrong clock, written to Kafka at 10:20 today.
    driver.pipe(Instant.parse("2026-11-20T10:20:00Z"), story("a-1", 1).from("ТАСС", "russia-state", "ru")
        .at("2026-11-21T10:00:00Z").fetched("2026-11-21T10:01:00Z").tone(-0.4).build());
    driver.pipe(story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:35:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).singleElement().satisfies(window -> {
      assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
      assertThat(window.articles()).isEqualTo(1);
    });
  }

  @Test
  void irrelevantArticlesAndLaterRevisionsDoNotCount() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").revision(2).tone(-0.6).build(),
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:15:00Z").irrelevant().build(),
        story("a-3", 3).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:35:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).singleElement().satisfies(window -> {
      assertThat(window.articles()).isEqualTo(1);
      assertThat(window.meanTone()).isEqualTo(-0.4);
    });
  }

  @Test
  void quietWindowsOfAKnownSeriesCloseEmpty() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-2", 2).from("Euractiv", "eu-media", "en").at("2026-11-20T13:45:00Z").irrelevant().build());

    assertThat(driver.closed(RU)).extracting(ToneWindow::articles).containsExactly(1, 0, 0);
    assertThat(driver.closed(RU).get(1).meanTone()).isNull();
  }

  @Test
  void gapLongerThanTheBaselineClosesWhatWasOpenWithoutWalkingEveryEmptyWindow() {
    driver.pipe(
        story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        // Sixty days without coverage (the desk was down, or the archive has a hole).
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2027-01-19T10:05:00Z").irrelevant().build());

    List<ToneWindow> closed = driver.closed(RU);
    assertThat(closed.get(0).articles()).isEqualTo(1);
    assertThat(closed).as("the window with the article, then the last baseline's worth of empty hours at most")
        .hasSizeLessThanOrEqualTo(1 + 14 * 24);
  }

  @Test
  void sideSeriesStayInternal() {
    driver.pipe(story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build(),
        story("a-2", 2).from("ТАСС", "russia-state", "ru").at("2026-11-20T12:05:00Z").irrelevant().build());

    assertThat(driver.windows()).extracting(ToneWindow::series).noneMatch(name -> name.contains("/side/"));
  }

  private double lateDropped() {
    return driver.metric(SeriesTopology.LATE_METRIC_GROUP, SeriesTopology.LATE_METRIC_TOTAL);
  }
}
