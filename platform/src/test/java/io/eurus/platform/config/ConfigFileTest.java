package io.eurus.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Hook.class, name = "hook"), @JsonSubTypes.Type(value = Mail.class, name = "mail")})
  @JsonClassDescription("channel")
  sealed interface Channel permits Hook, Mail {
  }

  record Hook(String url, Duration cooldown) implements Channel {
  }

  record Mail(List<String> to, LocalTime at, ZoneId zone) implements Channel {
  }

  record Routing(LinkedHashMap<String, Channel> channels) {
  }

  private static final ConfigFile<Detectors> DETECTORS = ConfigFile.of("detectors file", Detectors.class);
  private static final ConfigFile<Routing> ROUTING = ConfigFile.of("routing file", Routing.class);

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
  void aNumberAloneIsSecondsAndNoDurationIsNegative() {
    assertThat(DETECTORS.parse("profile: p\nsize: 90", "d.yaml").size()).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("PT-5M")).isNull();
    assertThatThrownBy(() -> DETECTORS.parse("profile: p\nsize: -90s", "d.yaml"))
        .hasMessageContaining("d.yaml: size: '-90s' is not a duration such as 30s, 15m, 1h or 14d");
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
  void anUnknownKeyHoldingAListOrAMappingIsNamedWhereItIs() {
    assertThatThrownBy(() -> DETECTORS.parse("profile: p\ncusum: {h: 4, kk: [1, 2]}\nextra: {a: 1}\n", "d.yaml"))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "d.yaml: cusum: unknown key 'kk' (known: h, k)",
            "d.yaml: unknown key 'extra' (known: cusum, enabled, levels, minStories, profile, size)"));
    ConfigFile<Feeds> feeds = ConfigFile.of("feed list", Feeds.class).namingItems("feeds", "id", "feed");
    assertThatThrownBy(() -> feeds.parse("feeds:\n  - {id: a, url: x, tags: [x]}\n", "feeds.yaml"))
        .hasMessageContaining("feeds.yaml: feed a: unknown key 'tags' (known: id, pollInterval, url)");
  }

  @Test
  void aValueOfTheWrongShapeIsAProblemNotACrash() {
    assertThatThrownBy(() -> DETECTORS.parse("profile: p\nlevels: bloc\ncusum: [1, 2]\n", "d.yaml"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("d.yaml: cusum: must be a mapping of keys to values (was a list)")
        .hasMessageContaining("d.yaml: levels: must be a list such as [a, b] (was 'bloc')");
  }

  @Test
  void aMappingsTypeKeyChoosesTheRecordThatReadsTheRest() {
    Routing read = ROUTING.parse("""
        channels:
          a: {type: hook, url: x, cooldown: 15m}
          b: {to: [desk], at: "07:30", zone: Europe/Brussels, type: mail}
        """, "r.yaml");

    assertThat(read.channels()).containsExactly(entry("a", new Hook("x", Duration.ofMinutes(15))),
        entry("b", new Mail(List.of("desk"), LocalTime.of(7, 30), ZoneId.of("Europe/Brussels"))));
  }

  @Test
  void aMissingOrUnknownTypeIsAProblemAndKeysWrittenBeforeTheTypeKeepTheirPaths() {
    String yaml = """
        channels:
          a: {type: hok, url: x}
          b: {url: x}
          c: hook
          d: {cooldown: soon, colour: red, type: hook}
          e: {type: mail, to: desk, at: "25:00", zone: Mars/Base}
        """;

    assertThatThrownBy(() -> ROUTING.parse(yaml, "r.yaml")).isInstanceOfSatisfying(SettingsException.class, e ->
        assertThat(e.problems()).containsExactlyInAnyOrder(
            "r.yaml: channels.a.type: 'hok' is not a channel type (one of hook, mail)",
            "r.yaml: channels.b.type: is required: one of hook, mail",
            "r.yaml: channels.c: must be a mapping of keys to values with a type (one of hook, mail)",
            "r.yaml: channels.d.cooldown: 'soon' is not a duration such as 30s, 15m, 1h or 14d",
            "r.yaml: channels.d: unknown key 'colour' (known: cooldown, url)",
            "r.yaml: channels.e.to: must be a list such as [a, b] (was 'desk')",
            "r.yaml: channels.e.at: '25:00' is not a time of day such as 07:30",
            "r.yaml: channels.e.zone: 'Mars/Base' is not a time zone such as Europe/Brussels"));
  }

  @Test
  void whatIsMadeOfTheFileAddsItsProblemsToTheFilesInTheSameGo() {
    ConfigFile<String> made = DETECTORS.making((detectors, problems) -> {
      problems.check(!"p".equals(detectors.profile()), "profile", "is taken");
      return detectors.profile();
    });

    assertThat(made.parse("profile: q", "d.yaml")).isEqualTo("q");
    assertThatThrownBy(() -> made.parse("profile: p\nminStories: 0", "d.yaml")).isInstanceOfSatisfying(SettingsException.class,
        e -> assertThat(e.problems()).containsExactlyInAnyOrder("d.yaml: minStories: must be a whole number from 1 to 1000 (was 0)",
            "d.yaml: profile: is taken"));
  }

  @Test
  void problemsKnowWhetherAnyIsAtAPathOrBelowIt() {
    Problems root = Problems.root();
    root.at("channels").at("a").add("url", "is missing");
    root.named("feed tass").add("is empty");

    assertThat(root.at("channels").at("a").isEmpty()).isFalse();
    assertThat(root.at("channels").isEmpty()).isFalse();
    assertThat(root.at("channels").at("ab").isEmpty()).isTrue();
    assertThat(root.named("feed tass").isEmpty()).isFalse();
    assertThat(root.named("feed tas").isEmpty()).isTrue();
    assertThat(Problems.root().isEmpty()).isTrue();
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
