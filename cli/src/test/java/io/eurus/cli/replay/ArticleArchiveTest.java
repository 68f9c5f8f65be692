package io.eurus.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.events.Article;
import io.eurus.ingest.parse.ArticleIds;
import io.eurus.platform.settings.SettingsException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleArchiveTest {

  @TempDir
  Path folder;

  @Test
  void linesAreReadInEventTimeOrderWithTiesInFileOrder() throws Exception {
    Path file = Files.writeString(folder.resolve("a.jsonl"), String.join("\n",
        line("a-late", "2026-11-20T12:00:00Z", "2026-11-20T12:01:00Z"),
        line("a-first", "2026-11-20T09:00:00Z", "2026-11-20T09:01:00Z"),
        // Published "in the future" of its fetch: the fetch time is its event time (as in the processor).
        line("a-clock-wrong", "2026-11-21T09:00:00Z", "2026-11-20T10:00:00Z"),
        line("a-tie", "2026-11-20T09:00:00Z", "2026-11-20T09:05:00Z")) + "\r\n\r\n");

    try (ArticleArchive archive = ArticleArchive.open(file, (line, problem) -> { throw new AssertionError(problem); })) {
      List<String> ids = new ArrayList<>();
      for (ArticleArchive.Entry entry : archive.inOrder()) {
        ids.add(archive.read(entry).id());
      }
      assertThat(ids).containsExactly("a-first", "a-tie", "a-clock-wrong", "a-late");
    }
  }

  @Test
  void idLanguageAndRevisionAreDerivedAsIngestWouldWhenAbsent() throws Exception {
    Path file = Files.writeString(folder.resolve("b.jsonl"), """
        {"url":"https://ria.example/politics/1.html#comments","title":"Кремль ответил на новые санкции Евросоюза","text":"В Кремле заявили, что ответят на новый пакет санкций, принятый в Брюсселе.","published":"2026-11-20T10:00:00Z"}
        """);

    try (ArticleArchive archive = ArticleArchive.open(file, (line, problem) -> { throw new AssertionError(problem); })) {
      Article article = archive.read(archive.inOrder().get(0));

      assertThat(article.id()).isEqualTo(ArticleIds.of("https://ria.example/politics/1.html"));
      assertThat(article.language()).isEqualTo("ru");
      assertThat(article.revision()).isEqualTo(1);
    }
  }

  @Test
  void gzipCompressedArchiveIsReadLikeThePlainFile() throws Exception {
    String lines = String.join("\n", line("a-2", "2026-11-20T12:00:00Z", "2026-11-20T12:01:00Z"),
        line("a-1", "2026-11-20T09:00:00Z", "2026-11-20T09:01:00Z"));
    Path file = folder.resolve("c.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }

    try (ArticleArchive archive = ArticleArchive.open(file, (line, problem) -> { throw new AssertionError(problem); })) {
      assertThat(ids(archive)).containsExactly("a-1", "a-2");
    }
  }

  @Test
  void eachBadLineIsNamedByNumberWithItsReasonAndSkipped() throws Exception {
    Path file = Files.writeString(folder.resolve("d.jsonl"), String.join("\n",
        line("a-good", "2026-11-20T09:00:00Z", "2026-11-20T09:01:00Z"),
        "{\"id\":\"a-undated\",\"url\":\"https://x.example/u\",\"title\":\"t\"}",
        line("a-future", "2031-01-01T00:00:00Z", "2031-01-01T00:00:00Z"),
        line("a-epoch", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
        "not json at all",
        "[1, 2]"));
    Map<Integer, String> bad = new TreeMap<>();

    try (ArticleArchive archive = ArticleArchive.open(file, BlocMap.none(), Instant.parse("2026-12-01T00:00:00Z"),
        bad::put)) {
      assertThat(ids(archive)).containsExactly("a-good");
    }
    assertThat(bad).containsOnlyKeys(2, 3, 4, 5, 6);
    assertThat(bad.get(2)).isEqualTo("no published time");
    assertThat(bad.get(3)).isEqualTo("dated in the future (2031-01-01T00:00:00Z)");
    assertThat(bad.get(4)).isEqualTo("dated before 1990 (1970-01-01T00:00:00Z)");
    assertThat(bad.get(5)).startsWith("not a JSON article (");
    assertThat(bad.get(6)).startsWith("not a JSON article (");
  }

  @Test
  void blocMapPlacesSourcesAndCountsTheOthersAsUnassigned() throws Exception {
    Path map = Files.writeString(folder.resolve("blocs.yaml"), """
        blocs:
          russia-state: [РИА Новости]
          international: ["BBC News | Русская служба"]
        """);
    Path file = Files.writeString(folder.resolve("e.jsonl"), String.join("\n",
        sourced("a-1", "РИА Новости", null), sourced("a-2", "BBC News | Русская служба", "russia-state"),
        sourced("a-3", "Mash", null), sourced("a-4", "Mash", null), sourced("a-5", "Own bloc", "eu-media")));

    try (ArticleArchive archive = ArticleArchive.open(file, BlocMap.load(map), Instant.parse("2026-12-01T00:00:00Z"),
        (line, problem) -> { throw new AssertionError(problem); })) {
      List<String> blocs = new ArrayList<>();
      for (ArticleArchive.Entry entry : archive.inOrder()) {
        blocs.add(String.valueOf(archive.read(entry).bloc()));
      }
      assertThat(blocs).as("the map wins over a line's bloc; a line's own bloc stays when the map has none")
          .containsExactly("russia-state", "international", "null", "null", "eu-media");
      assertThat(archive.unassignedSources()).containsExactly(Map.entry("Mash", 2));
    }
  }

  @Test
  void feedListServesAsBlocMapByFeedNameOrId() throws Exception {
    Path feeds = Files.writeString(folder.resolve("feeds.yaml"), """
        feeds:
          - { id: ria-ru, name: РИА Новости, bloc: russia-state, language: ru, url: "https://ria.example/rss" }
        """);

    BlocMap map = BlocMap.load(feeds);

    assertThat(map.blocOf("РИА Новости", null, null)).isEqualTo("russia-state");
    assertThat(map.blocOf("other", "ria-ru", null)).isEqualTo("russia-state");
    assertThat(map.blocOf("other", null, null)).isNull();
  }

  @Test
  void blocMapWithASourceInTwoBlocsIsRefusedNamingEveryProblem() throws Exception {
    Path map = Files.writeString(folder.resolve("twice.yaml"), """
        blocs:
          russia-state: [Mash, РИА Новости]
          international: [Mash]
          eu-media: [""]
        """);
    Path notAList = Files.writeString(folder.resolve("not-a-list.yaml"), "blocs:\n  eu-media: Le Monde\n");

    assertThatThrownBy(() -> BlocMap.load(map)).isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(2).anySatisfy(problem ->
            assertThat(problem).contains("source 'Mash' is in both russia-state and international")).anySatisfy(problem ->
            assertThat(problem).contains("blocs.eu-media: lists an empty source name")));
    assertThatThrownBy(() -> BlocMap.load(notAList)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("blocs.eu-media");
  }

  private static List<String> ids(ArticleArchive archive) throws Exception {
    List<String> ids = new ArrayList<>();
    for (ArticleArchive.Entry entry : archive.inOrder()) {
      ids.add(archive.read(entry).id());
    }
    return ids;
  }

  private static String sourced(String id, String source, String bloc) {
    return "{\"id\":\"" + id + "\",\"url\":\"https://x.example/" + id + "\",\"title\":\"t\",\"language\":\"ru\","
        + "\"source\":\"" + source + "\"" + (bloc == null ? "" : ",\"bloc\":\"" + bloc + "\"")
        + ",\"published\":\"2026-11-20T09:00:00Z\"}";
  }

  private static String line(String id, String published, String fetched) {
    return "{\"id\":\"" + id + "\",\"url\":\"https://x.example/" + id + "\",\"title\":\"t\",\"language\":\"en\","
        + "\"published\":\"" + published + "\",\"fetched\":\"" + fetched + "\"}";
  }
}
