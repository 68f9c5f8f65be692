package io.eurus.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Article;
import io.eurus.ingest.parse.ArticleIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  private static String line(String id, String published, String fetched) {
    return "{\"id\":\"" + id + "\",\"url\":\"https://x.example/" + id + "\",\"title\":\"t\",\"language\":\"en\","
        + "\"published\":\"" + published + "\",\"fetched\":\"" + fetched + "\"}";
  }
}
