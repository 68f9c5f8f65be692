package io.eurus.cli.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.eurus.events.Article;
import io.eurus.events.Json;
import io.eurus.ingest.parse.ArticleIds;
import io.eurus.ingest.parse.Articles;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.platform.StartupException;
import io.eurus.processor.coverage.EventTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A file of archived articles, one JSON article per line (what {@code eurus feed parse} prints), read in event-time
 * order. A first pass checks every line and notes where it is and its event time; the lines are then read again
 * one by one in that order, so a month of coverage never has to fit in memory. An article without an {@code id}
 * gets the one ingest would give it (from its canonical URL); one without a {@code language} the language ingest
 * would detect.
 */
public final class ArticleArchive implements AutoCloseable {

  /** Where a line is, and its article's event time; lines with the same time keep their order. */
  public record Entry(int line, long offset, int length, long eventTime) {
  }

  private static final Comparator<Entry> EVENT_TIME = Comparator.comparingLong(Entry::eventTime)
      .thenComparingInt(Entry::line);

  private final Path file;
  private final FileChannel channel;
  private final List<Entry> entries;
  private final LanguageGuesser languages = LanguageGuesser.shared();

  private ArticleArchive(Path file, FileChannel channel, List<Entry> entries) {
    this.file = file;
    this.channel = channel;
    this.entries = entries;
  }

  /**
   * Checks and indexes every line of {@code file}.
   *
   * @param badLine told of each line that cannot be replayed: its number and why, in one line
   * @throws StartupException when the file cannot be read at all
   */
  public static ArticleArchive open(Path file, BiConsumer<Integer, String> badLine) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonLines.forEach(in, (line, offset, bytes, length) -> {
        String problem = null;
        try {
          Article article = Json.mapper().readValue(bytes, 0, length, Article.class);
          problem = problem(article);
          if (problem == null) {
            entries.add(new Entry(line, offset, length, EventTime.of(article, Long.MIN_VALUE)));
          }
        } catch (JsonProcessingException e) {
          problem = "not a JSON article (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")";
        }
        if (problem != null) {
          badLine.accept(line, problem);
        }
      });
      entries.sort(EVENT_TIME);
      return new ArticleArchive(file, FileChannel.open(file, StandardOpenOption.READ), entries);
    } catch (IOException e) {
      throw new StartupException("cannot read " + file + ": " + e, e);
    }
  }

  private static String problem(Article article) {
    if (article == null) {
      return "not a JSON article (null)";
    }
    if (article.published() == null && article.fetched() == null) {
      return "no published time";
    }
    if (blank(article.id()) && blank(article.url())) {
      return "no id, and no url to derive one from";
    }
    return null;
  }

  /** The indexed lines in event-time order. */
  public List<Entry> inOrder() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The article on the line, with an id, a language and a revision as ingest would publish it. */
  public Article read(Entry entry) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(entry.length());
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, entry.offset() + buffer.position()) < 0) {
        throw new IOException(file + " changed while it was replayed (line " + entry.line() + ")");
      }
    }
    Article article = Json.mapper().readValue(buffer.array(), Article.class);
    if (blank(article.id())) {
      article = Articles.withId(article, ArticleIds.of(ArticleIds.canonicalUrl(article.url())));
    }
    if (blank(article.language())) {
      article = Articles.withLanguage(article, languages.of(article, null));
    }
    return article.revision() < 1 ? Articles.withRevision(article, 1) : article;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
