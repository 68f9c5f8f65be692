package io.eurus.processor.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import io.eurus.platform.config.Durations;
import io.eurus.platform.settings.SettingsException;
import io.eurus.processor.coverage.SeriesLevel;
import io.eurus.processor.series.SeriesSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorConfigTest {

  @TempDir
  Path folder;

  @Test
  void bundledFileSpellsOutTheDefaults() {
    DetectorConfig bundled = DetectorConfig.bundled();
    DetectorConfig defaults = DetectorConfig.parse("profile: eu-russia", "test");

    assertThat(bundled).isEqualTo(defaults);
    assertThat(bundled.windows().size()).isEqualTo(Duration.ofHours(1));
    assertThat(bundled.windows().grace()).isEqualTo(Duration.ofMinutes(30));
    assertThat(bundled.windows().baseline()).isEqualTo(Duration.ofDays(14));
    assertThat(bundled.alertLevels()).containsExactlyInAnyOrder(SeriesLevel.BLOC, SeriesLevel.ALL);
    assertThat(bundled.sides().sideOf("eu-media")).isEqualTo("eu");
    assertThat(bundled.sides().sideOf("russia-state")).isEqualTo("russia");
    assertThat(bundled.sides().sideOf("international")).isNull();
    assertThat(bundled.toneShift().h()).isEqualTo(6.0);
  }

  @Test
  void partialFileOverridesOnlyWhatItNames() throws Exception {
    DetectorConfig config = DetectorConfig.load(write("""
        profile: eu-china
        windows: { size: 15m, grace: 5m }
        alertLevels: [bloc-language]
        sides:
          eu: [eu-institutions]
          china: [china-state, china-media]
        toneShift:
          cusum: { h: 8 }
        """));

    assertThat(config.profile()).isEqualTo("eu-china");
    assertThat(config.windows().windowsPerDay()).isEqualTo(96);
    assertThat(config.windows().baseline()).isEqualTo(Duration.ofDays(14));
    assertThat(config.alertLevels()).containsExactly(SeriesLevel.BLOC_LANGUAGE);
    assertThat(config.sides().secondBlocs()).containsExactly("china-state", "china-media");
    assertThat(config.toneShift().h()).isEqualTo(8.0);
    assertThat(config.toneShift().k()).isEqualTo(0.75);
  }

  @Test
  void everyProblemIsReportedAtOnceEachOnALineNamingTheFile() throws Exception {
    Path file = write("""
        windows: { size: 7m, grace: soon }
        alertLevels: [bloc, region]
        sides:
          eu: [eu-media]
          russia: [eu-media]
          belarus: [belarus-state]
        toneShift:
          minStories: 0
          cusm: { h: 5 }
          severity: { high: 5, critical: 3 }
        volumeSpike: { ratio: 0.5 }
        """);

    assertThatThrownBy(() -> DetectorConfig.load(file))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).hasSize(9)
            .allSatisfy(problem -> assertThat(problem).startsWith(file + ": ").doesNotContain("\n")))
        .hasMessageStartingWith("detectors file " + file + " has 9 problems:")
        .hasMessageContaining(file + ": profile: is missing")
        .hasMessageContaining(file + ": windows.size: must divide a day evenly")
        .hasMessageContaining(file + ": windows.grace: 'soon' is not a duration")
        .hasMessageContaining(file + ": alertLevels: 'region' is not one of bloc-language, bloc, all")
        .hasMessageContaining(file + ": sides: needs exactly two sides")
        .hasMessageContaining(file + ": toneShift.minStories: must be a whole number from 1")
        .hasMessageContaining(file + ": toneShift: unknown key 'cusm'")
        .hasMessageContaining(file + ": toneShift.severity.critical: must not be below high")
        .hasMessageContaining(file + ": volumeSpike.ratio: must be a number from 1 to 1000 (was 0.5)");
  }

  @Test
  void blocOnBothSidesIsAProblem() {
    assertThatThrownBy(() -> DetectorConfig.parse("""
        profile: eu-russia
        sides: { eu: [eu-media, international], russia: [russia-state, international] }
        """, "test"))
        .hasMessageContaining("sides: bloc international is on both sides");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = folder.resolve("nope.yaml");

    assertThatThrownBy(() -> DetectorConfig.load(missing)).isInstanceOf(StartupException.class)
        .hasMessage("detectors file " + missing + " does not exist");
  }

  @Test
  void brokenYamlIsNamedInOneLine() throws Exception {
    Path file = write("profile: [unclosed\n");

    assertThatThrownBy(() -> DetectorConfig.load(file)).isInstanceOf(StartupException.class)
        .hasMessageStartingWith("detectors file " + file + " is not valid YAML at line 2, column 1: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void fileForAnotherWatchProfileIsRefusedNamingBoth() {
    DetectorConfig bundled = DetectorConfig.bundled();

    assertThat(bundled.requireProfile("eu-russia")).isSameAs(bundled);
    assertThatThrownBy(() -> bundled.requireProfile("eu-china")).isInstanceOf(StartupException.class)
        .hasMessage("the detectors file is for profile eu-russia, but the watch profile is eu-china: "
            + "set processor.detectors.file to the detectors file of eu-china");
  }

  @Test
  void settingNamesTheFileAndEmptyMeansTheBundledOne() throws Exception {
    Path file = write("profile: eu-china\n");

    assertThat(DetectorConfig.from(SeriesSettings.detectorsFile(settings("")))).isEqualTo(DetectorConfig.bundled());
    assertThat(DetectorConfig.from(SeriesSettings.detectorsFile(settings(file.toString()))).profile()).isEqualTo("eu-china");
  }

  private static AbstractConfig settings(String file) {
    return new AbstractConfig(SeriesSettings.DEF, Map.of(SeriesSettings.DETECTORS_FILE, file), false);
  }

  @Test
  void durationsReadInShortAndIsoForm() {
    assertThat(List.of("90s", "15m", "1h", "14d", "PT1H", "pt30m")).map(Durations::parse).containsExactly(
        Duration.ofSeconds(90), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(14), Duration.ofHours(1),
        Duration.ofMinutes(30));
    assertThat(Durations.parse("an hour")).isNull();
  }

  @Test
  void labelsOfAlertLevelsAreThePublishedLevels() {
    assertThat(SeriesLevel.alertableLabels()).isEqualTo(Set.of("bloc-language", "bloc", "all"));
  }

  private Path write(String yaml) throws Exception {
    Path file = folder.resolve("detectors.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
