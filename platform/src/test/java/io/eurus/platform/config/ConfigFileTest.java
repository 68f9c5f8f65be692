package io.eurus.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  enum Level { @JsonProperty("bloc-language") BLOC_LANGUAGE, BLOC, ALL }

  record Cusum(Double k, Double h) {
    Cusum {
      k = k == null ? 0.5 : k;
      h = h == null ? 5.0 : h;
    }
  }

  record Detectors(String profile, Duration size, Integer minStories, List<Level> levels, Cusum cusum, Boolean enabled)
      implements Validated {
    Detectors {
      size = size == null ? Duration.ofHours(1) : size;
      minStories = minStories == null ? 2 : minStories;
      levels = levels == null ? List.of(Level.BLOC, Level.ALL) : levels;
      cusum = cusum == null ? new Cusum(null, null) : cusum;
    }

    @Override
    public void validate(Problems at) {
      at.check(profile != null, "profile", "is missing");
      at.range("minStories", minStories, 1, 1000);
      at.at("cusum").range("h", cusum.h(), 0.5, 50);
    }
  }

  record Feed(String id, String url, Duration pollInterval) {
  }

  record Feeds(List<Feed> feeds) {
  }

  private static final ConfigFile<Detectors> DETECTORS = ConfigFile.of("detectors file", Detectors.class);

  @Test
  void readsValuesAndAppliesTheRecordsDefaults() {
    Detectors read = DETECTORS.parse("profile: eu-russia\nsize: 15m\nlevels: [bloc-language, all]\ncusum: {h: 4}\n", "d.yaml");

    assertThat(read.size()).isEqualTo(Duration.ofMinutes(15));
    assertThat(read.minStories()).isEqualTo(2);
    assertThat(read.levels()).containsExactly(Level.BLOC_LANGUAGE, Level.ALL);
    assertThat(read.cusum()).isEqualTo(new Cusum(0.5, 4.0));
  }

  @Test
  void everyDurationSyntaxReadsTheSame() {
    for (String text : List.of("90m", "PT1H30M", "5400s", "5400000ms")) {
      assertThat(DETECTORS.parse("profile: p\nsize: " + text, "d.yaml").size()).as(text).isEqualTo(Duration.ofMinutes(90));
    }
    assertThat(Durations.parse("14d")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.parse("soon")).isNull();
  }

  @Test
  void reportsEveryProblemAtOnceEachWithItsPath() {
    String yaml = """
        size: soon
        minStories: 0
        levels: [region]
        cusum: {h: 100, kk: 1}
        enabled: maybe
        extra: 1
        """;

    assertThatThrownBy(() -> DETECTORS.parse(yaml, "d.yaml"))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).containsExactlyInAnyOrder(
            "d.yaml: size: 'soon' is not a duration such as 30s, 15m, 1h or 14d",
            "d.yaml: levels[0]: 'region' is not one of bloc-language, bloc, all",
            "d.yaml: cusum: unknown key 'kk' (known: h, k)",
            "d.yaml: enabled: 'maybe' is not true or false",
            "unknown key 'extra' (known: cusum, enabled, levels, minStories, profile, size)".replace("unknown", "d.yaml: unknown"),
            "d.yaml: profile: is missing",
            "d.yaml: minStories: must be a whole number from 1 to 1000 (was 0)",
            "d.yaml: cusum.h: must be a number from 0.5 to 50 (was 100.0)"))
        .hasMessageStartingWith("detectors file d.yaml has 8 problems:");
  }

  @Test
  void aValueOfTheWrongShapeIsAProblemNotACrash() {
    assertThatThrownBy(() -> DETECTORS.parse("profile: p\nlevels: bloc\ncusum: [1, 2]\n", "d.yaml"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("d.yaml: cusum: must be a mapping of keys to values (was a list)")
        .hasMessageContaining("d.yaml: levels: must be a list such as [a, b] (was 'bloc')");
  }

  @Test
  void itemsOfANamedListAreCalledByTheirId() {
    ConfigFile<Feeds> feeds = ConfigFile.of("feed list", Feeds.class).namingItems("feeds", "id", "feed");

    assertThatThrownBy(() -> feeds.parse("feeds:\n  - {id: tass-en, url: x, pollIntervall: 10m}\n  - {url: y, pollInterval: often}\n",
        "feeds.yaml"))
        .hasMessageContaining("feeds.yaml: feed tass-en: unknown key 'pollIntervall' (known: id, pollInterval, url)")
        .hasMessageContaining("feeds.yaml: feed #2: pollInterval: 'often' is not a duration");
  }

  @Test
  void aYamlSyntaxErrorNamesItsLineAndColumn() {
    assertThatThrownBy(() -> DETECTORS.parse("profile: p\nsize: [1h\n", "d.yaml"))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("detectors file d.yaml is not valid YAML at line 3, column 1: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingOrUnreadableFileSaysWhy(@TempDir Path folder) throws Exception {
    Path missing = folder.resolve("missing.yaml");
    assertThatThrownBy(() -> DETECTORS.namedBy("processor.detectors.file").read(missing))
        .hasMessage("detectors file " + missing + " does not exist (processor.detectors.file)");

    Path directory = Files.createDirectory(folder.resolve("a-folder.yaml"));
    assertThatThrownBy(() -> DETECTORS.read(directory))
        .hasMessageStartingWith("detectors file " + directory + " cannot be read: ");
  }

  @Test
  void anEmptyFileIsReadAsNoKeysAtAll() {
    assertThatThrownBy(() -> DETECTORS.parse("", "d.yaml")).hasMessageContaining("d.yaml: profile: is missing");
  }
}
