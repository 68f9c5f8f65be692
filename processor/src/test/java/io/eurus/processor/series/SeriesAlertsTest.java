package io.eurus.processor.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Direction;
import io.eurus.events.Json;
import io.eurus.events.TermWeight;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.testing.Scenario;
import io.eurus.processor.testing.Scenario.Source;
import io.eurus.processor.testing.SeriesDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detectors inside the topology: a day of ordinary coverage from both sides, then Russian state media turn
 * hostile over an expulsion of diplomats that their agencies carry in copies.
 */
class SeriesAlertsTest {

  private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant SHIFT = MONDAY.plus(Duration.ofHours(28));

  private static final Source TASS = new Source("ТАСС", "russia-state", "ru", 6, -0.2);
  private static final Source RIA = new Source("РИА Новости", "russia-state", "ru", 0, -0.2);
  private static final Source COUNCIL = new Source("Council of the EU", "eu-institutions", "en", 4, 0.0);
  private static final Source EURACTIV = new Source("Euractiv", "eu-media", "en", 5, -0.05);

  @TempDir
  static Path state;

  /** The alerts and windows of the hostile turn, run once for the tests that read them. */
  private static List<Alert> alerts;
  private static String windowsJson;

  @BeforeAll
  static void runHostileTurn() throws Exception {
    try (SeriesDriver driver = new SeriesDriver(DetectorConfig.bundled(), state.resolve("hostile"))) {
      driver.pipe(hostileTurn().articles());
      alerts = driver.alerts();
      windowsJson = Json.mapper().writeValueAsString(driver.windows());
    }
  }

  @Test
  void hostileTurnOfOneBlocGivesOneToneShiftAlertWithItsEvidence() {
    List<Alert> shift = alerts.stream().filter(a -> a.type() == AlertType.TONE_SHIFT)
        .filter(a -> a.evidence().series().equals("eu-russia/russia-state")).toList();
    assertThat(shift).extracting(Alert::key).containsOnly(shift.get(0).key());
    Alert opened = shift.get(0);
    assertThat(opened.revision()).isEqualTo(1);
    assertThat(opened.id()).isEqualTo(opened.key() + "#1");
    assertThat(opened.direction()).isEqualTo(Direction.NEGATIVE);
    assertThat(opened.bloc()).isEqualTo("russia-state");
    assertThat(opened.at()).isBetween(SHIFT.minus(Duration.ofHours(3)), SHIFT);
    assertThat(opened.created()).as("window end plus grace: no wall clock")
        .isEqualTo(opened.evidence().windowEnd().plus(Duration.ofMinutes(30)));
    assertThat(opened.title()).isEqualTo("Tone towards conflict in russia-state");
    assertThat(opened.summary()).contains("moved towards conflict", "expel", "carried by 2 sources, first by ТАСС");
    assertThat(opened.evidence()).satisfies(evidence -> {
      assertThat(evidence.baseline()).isBetween(-0.3, -0.1);
      assertThat(evidence.current()).isLessThan(-0.4);
      assertThat(evidence.deviations()).isLessThan(-3);
      assertThat(evidence.articleCount()).as("copies count as articles").isGreaterThan(evidence.storyCount());
      assertThat(evidence.terms()).extracting(TermWeight::term).contains("expel");
      assertThat(evidence.stories()).isNotEmpty().allSatisfy(story -> {
        assertThat(story.sources()).isEqualTo(2);
        assertThat(story.firstSource()).isEqualTo("ТАСС");
      });
    });
    assertThat(opened.articles()).hasSize(3).allSatisfy(article -> {
      assertThat(article.source()).isEqualTo("ТАСС");
      assertThat(article.snippet()).contains("[[expel]]");
    });
    assertThat(alerts).filteredOn(a -> a.type() == AlertType.TONE_SHIFT)
        .noneMatch(a -> a.evidence().series().startsWith("eu-russia/eu-"));
  }

  @Test
  void sidesMovingApartGiveADivergenceAlert() {
    assertThat(alerts).filteredOn(a -> a.type() == AlertType.TONE_DIVERGENCE).first().satisfies(alert -> {
      assertThat(alert.direction()).as("the Russia side moved, towards conflict").isEqualTo(Direction.NEGATIVE);
      assertThat(alert.evidence().series()).isEqualTo("eu-russia/side/eu~russia");
      assertThat(alert.summary()).contains("the russia side moved towards conflict");
      assertThat(alert.articles()).first().as("a story of the side that moved comes first")
          .satisfies(article -> assertThat(article.bloc()).isEqualTo("russia-state"));
    });
  }

  @Test
  void burstOfStoriesGivesOneVolumeSpikeCitingTheWidestCarriedStoriesFirst() {
    // One day teaches the volume baseline each hour (learningDays: 1 keeps the test short); then, at 02:00, a burst.
    DetectorConfig config = DetectorConfig.parse("""
        profile: eu-russia
        volumeSpike: { learningDays: 1 }
        """, "test");
    Instant burst = MONDAY.plus(Duration.ofHours(26));
    Scenario coverage = new Scenario().ordinary(MONDAY, 26, TASS, COUNCIL, EURACTIV)
        .hour(burst, EURACTIV, 30, -0.05, List.of("summit"), new Source("Politico Europe", "eu-media", "en", 0, 0))
        .ordinary(burst.plus(Duration.ofHours(1)), 2, TASS, COUNCIL, EURACTIV);

    List<Alert> spikes;
    try (SeriesDriver driver = new SeriesDriver(config, state.resolve("burst"))) {
      driver.pipe(coverage.articles());
      spikes = driver.alerts().stream().filter(a -> a.type() == AlertType.VOLUME_SPIKE)
          .filter(a -> a.evidence().series().equals("eu-russia/eu-media")).toList();
    }

    assertThat(spikes).extracting(Alert::key).containsOnly(spikes.get(0).key());
    assertThat(spikes.get(0)).satisfies(spike -> {
      assertThat(spike.at()).isEqualTo(burst);
      assertThat(spike.evidence().current()).isEqualTo(30.0);
      assertThat(spike.evidence().storyCount()).isEqualTo(30);
      assertThat(spike.evidence().articleCount()).isEqualTo(60);
      assertThat(spike.evidence().stories()).first().satisfies(story -> assertThat(story.sources()).isEqualTo(2));
    });
  }

  @Test
  void sameCoverageGivesTheSameWindowsAndAlerts() throws Exception {
    try (SeriesDriver again = new SeriesDriver(DetectorConfig.bundled(), state.resolve("again"))) {
      again.pipe(hostileTurn().articles());

      assertThat(alerts).isNotEmpty();
      assertThat(Json.mapper().writeValueAsString(again.alerts())).isEqualTo(Json.mapper().writeValueAsString(alerts));
      assertThat(Json.mapper().writeValueAsString(again.windows())).isEqualTo(windowsJson);
    }
  }

  private static Scenario hostileTurn() {
    Scenario coverage = new Scenario().ordinary(MONDAY, 28, TASS, COUNCIL, EURACTIV);
    for (int hour = 0; hour < 5; hour++) {
      Instant from = SHIFT.plus(Duration.ofHours(hour));
      coverage.hour(from, TASS, 6, -0.65, List.of("expel"), RIA)
          .hour(from, COUNCIL, 4, 0.0, List.of())
          .hour(from, EURACTIV, 5, -0.05, List.of());
    }
    return coverage.tick(SHIFT.plus(Duration.ofHours(7)));
  }

}
