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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * A file of archived articles, one JSON article per line (what {@code eurus feed parse} prints), plain or
 * gzip-compressed, read in event-time order. A first pass checks every line and notes where it is and its event
 * time; the lines are then read again one by one in that order, so a month of coverage never has to fit in memory
 * (a compressed file is unpacked to a temporary file first, since a gzip stream cannot be read at an offset). An
 * article without an {@code id} gets the one ingest would give it (from its canonical URL); one without a
 * {@code language} the language ingest would detect; its bloc comes from the {@link BlocMap}.
 */
public final class ArticleArchive implements AutoCloseable {

  /**
   * Earliest event time believed: news feeds did not exist before, and a year 1 or 1970 date is a broken feed's
   * (a missing date read as zero), which would open decades of empty windows before the real coverage.
   */
  static final Instant FAR_PAST = Instant.parse("1990-01-01T00:00:00Z");
  /** How far past the replay's own clock an article may be dated: a day-precision date is the outlet's local date. */
  static final Duration FUTURE_SLACK = Duration.ofDays(1);

  /** Where a line is, and its article's event time; lines with the same time keep their order. */
  public record Entry(int line, long offset, int length, long eventTime) {
  }

  private static final Comparator<Entry> EVENT_TIME = Comparator.comparingLong(Entry::eventTime)
      .thenComparingInt(Entry::line);

  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

  private final Path file;
  private final Path unpacked;
  private final FileChannel channel;
  private final List<Entry> entries;
  private final BlocMap blocs;
  private final Map<String, Integer> unassigned;
  private final LanguageGuesser languages = LanguageGuesser.shared();

  private ArticleArchive(Path file, Path unpacked, FileChannel channel, List<Entry> entries, BlocMap blocs,
      Map<String, Integer> unassigned) {
    this.file = file;
    this.unpacked = unpacked;
    this.channel = channel;
    this.entries = entries;
    this.blocs = blocs;
    this.unassigned = unassigned;
  }

  /** Checks and indexes every line of {@code file}, with no bloc map, as of now. */
  public static ArticleArchive open(Path file, BiConsumer<Integer, String> badLine) {
    return open(file, BlocMap.none(), Instant.now(), badLine);
  }

  /**
   * Checks and indexes every line of {@code file}.
   *
   * @param blocs   the bloc of each source
   * @param now     the replay's own clock: an article dated more than a day after it is refused
   * @param badLine told of each line that cannot be replayed: its number and why, in one line
   * @throws StartupException when the file cannot be read at all
   */
  public static ArticleArchive open(Path file, BlocMap blocs, Instant now, BiConsumer<Integer, String> badLine) {
    Path unpacked = null;
    try {
      Path lines = file;
      if (gzipped(file)) {
        unpacked = Files.createTempFile("eurus-replay-", ".jsonl");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
          Files.copy(in, unpacked, StandardCopyOption.REPLACE_EXISTING);
        }
        lines = unpacked;
      }
      List<Entry> entries = new ArrayList<>();
      Map<String, Integer> unassigned = new TreeMap<>();
      long latest = now.plus(FUTURE_SLACK).toEpochMilli();
      try (InputStream in = Files.newInputStream(lines)) {
        JsonLines.forEach(in, (line, offset, bytes, length) -> {
          String problem;
          try {
            Article article = Json.mapper().readValue(bytes, 0, length, Article.class);
            problem = problem(article, latest);
            if (problem == null) {
              entries.add(new Entry(line, offset, length, EventTime.of(article, Long.MIN_VALUE)));
              if (blocs.blocOf(article.source(), article.feedId(), article.bloc()) == null) {
                unassigned.merge(sourceName(article), 1, Integer::sum);
              }
            }
          } catch (JsonProcessingException e) {
            problem = "not a JSON article (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")";
          }
          if (problem != null) {
            badLine.accept(line, problem);
          }
        });
      }
      entries.sort(EVENT_TIME);
      return new ArticleArchive(file, unpacked, FileChannel.open(lines, StandardOpenOption.READ), entries, blocs,
          unassigned);
    } catch (IOException e) {
      delete(unpacked);
      throw new StartupException("cannot read " + file + ": " + e, e);
    }
  }

  private static boolean gzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(2), GZIP_MAGIC);
    }
  }

  private static String problem(Article article, long latest) {
    if (article == null) {
      return "not a JSON article (null)";
    }
    if (article.published() == null && article.fetched() == null) {
      return "no published time";
    }
    if (blank(article.id()) && blank(article.url())) {
      return "no id, and no url to derive one from";
    }
    long time = EventTime.of(article, Long.MIN_VALUE);
    if (time > latest) {
      return "dated in the future (" + Instant.ofEpochMilli(time) + ")";
    }
    if (time < FAR_PAST.toEpochMilli()) {
      return "dated before " + FAR_PAST.toString().substring(0, 4) + " (" + Instant.ofEpochMilli(time) + ")";
    }
    return null;
  }

  /**
   * The sources whose articles count as unassigned (neither the bloc map nor the line names a bloc), with how many
   * articles each had, by name.
   */
  public Map<String, Integer> unassignedSources() {
    return Collections.unmodifiableMap(unassigned);
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
    String bloc = blocs.blocOf(article.source(), article.feedId(), article.bloc());
    if (!Objects.equals(bloc, article.bloc())) {
      article = article.withBloc(bloc);
    }
    return article.revision() < 1 ? Articles.withRevision(article, 1) : article;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String sourceName(Article article) {
    if (!blank(article.source())) {
      return article.source().trim();
    }
    return blank(article.feedId()) ? "(no source)" : article.feedId();
  }

  private static void delete(Path unpacked) {
    if (unpacked != null) {
      try {
        Files.deleteIfExists(unpacked);
      } catch (IOException e) {
        // a temporary file: the system's clean-up takes it
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      delete(unpacked);
    }
  }
}
