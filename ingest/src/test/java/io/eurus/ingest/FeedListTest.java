package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.events.FeedDefinition;
import io.eurus.platform.settings.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedListTest {

  @Test
  void bundledListHasEveryBlocAndBothSidesInEnglishAndRussian() {
    List<FeedDefinition> feeds = FeedList.defaults();

    Map<String, List<String>> languagesByBloc = feeds.stream().collect(Collectors.groupingBy(FeedDefinition::bloc,
        Collectors.mapping(FeedDefinition::language, Collectors.toList())));
    assertThat(languagesByBloc).containsOnlyKeys("eu-institutions", "eu-media", "russia-state", "russia-independent", "international");
    assertThat(feeds).extracting(FeedDefinition::language).contains("en", "ru");
    assertThat(languagesByBloc.get("russia-state")).contains("en", "ru");
    assertThat(languagesByBloc.get("russia-independent")).contains("en", "ru");
    assertThat(feeds).filteredOn(f -> f.bloc().startsWith("eu-")).extracting(FeedDefinition::language).contains("en", "ru");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsFeedId() {
    String yaml = """
        feeds:
          - { id: good, url: "https://a.example/rss", bloc: eu-media }
          - { id: good, url: "https://b.example/rss", bloc: eu-media }
          - { id: Bad Id, url: "https://c.example/rss", bloc: eu-media }
          - { id: no-url, url: "ftp://d.example/rss", bloc: eu-media }
          - { id: typo, url: "https://e.example/rss", bloc: eu-media, pollIntervall: 5m, fullText: "yes" }
          - { id: slow, url: "https://f.example/rss", bloc: eu-media, pollInterval: soon, language: english }
        """;

    assertThatThrownBy(() -> FeedList.parse(yaml, "feeds.yaml")).isInstanceOfSatisfying(SettingsException.class, e ->
        assertThat(e.problems()).containsExactlyInAnyOrder(
            "feeds.yaml: feed good: id is used twice",
            "feeds.yaml: feed Bad Id: id must be a lowercase slug (a-z, 0-9, '.', '_', '-')",
            "feeds.yaml: feed no-url: url: 'ftp://d.example/rss' is not an http(s) or file URL",
            "feeds.yaml: feed typo: unknown key 'pollIntervall' (known: bloc, fullText, id, language, name, pollInterval, url)",
            "feeds.yaml: feed typo: fullText: 'yes' is not true or false",
            "feeds.yaml: feed slow: language: must be an ISO 639-1 code such as en or ru",
            "feeds.yaml: feed slow: pollInterval: 'soon' is not a duration such as 30s, 15m, 1h or 14d"));
  }

  @Test
  void writtenListReadsBackTheSame() {
    List<FeedDefinition> feeds = List.of(
        new FeedDefinition(1, "tass-ru", "https://tass.ru/rss/v2.xml", "ТАСС \"news\"", "russia-state", "ru", Duration.ofSeconds(90), false),
        new FeedDefinition(1, "eeas", "https://x.example/rss?a=1&b=2", "EEAS", "eu-institutions", null, Duration.ofHours(1), true));

    assertThat(FeedList.parse(FeedList.toYaml(feeds), "round trip")).isEqualTo(feeds);
  }
}
