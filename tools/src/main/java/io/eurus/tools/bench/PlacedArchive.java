package io.eurus.tools.bench;

import io.eurus.cli.replay.ArticleArchive;
import io.eurus.cli.replay.BlocMap;
import io.eurus.events.Article;
import io.eurus.events.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A real archive as any version of {@code eurus replay} reads it: unpacked, each article with the bloc the bloc map
 * gives its source, in event-time order, bad lines left out (and named on stderr). bench/detector-quality replays
 * this file with the current jar and with a baseline built from an earlier commit, which may predate
 * {@code --blocs} and gzip input. The file is derived from the archive: it stays in target/, never in the repository.
 *
 * <p>Usage: {@code PlacedArchive ARCHIVE.jsonl.gz BLOCS.yaml OUT.jsonl}
 */
public final class PlacedArchive {

  private PlacedArchive() {
  }

  public static void main(String[] args) throws IOException {
    Path archive = Path.of(args[0]);
    int[] bad = {0};
    try (ArticleArchive articles = ArticleArchive.open(archive, BlocMap.load(Path.of(args[1])), Instant.now(),
            (line, problem) -> {
              bad[0]++;
              System.err.println("PlacedArchive: " + archive + " line " + line + ": " + problem + ", skipped");
            });
         BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
      for (ArticleArchive.Entry entry : articles.inOrder()) {
        Article article = articles.read(entry);
        out.write(Json.mapper().writeValueAsString(article));
        out.write('\n');
      }
      Map<String, Integer> unassigned = articles.unassignedSources();
      System.err.printf("PlacedArchive: %s: %,d articles, %d bad lines, %d sources unassigned %s%n", archive,
          articles.size(), bad[0], unassigned.size(), unassigned.isEmpty() ? "" : unassigned);
    }
  }
}
