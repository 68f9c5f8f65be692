package io.eurus.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.platform.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every file of the third-party feed corpus ({@code ../shared/data/feeds}: Rome's samples and the W3C
 * feed validator's test cases) through the parser: no exception escapes, none hangs, every rejection is
 * one line, and the numbers of parsed, recovered and rejected files are pinned, so a change in what Eurus
 * accepts shows up here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedFeedCorpusTest {

  private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(\\S+)");

  private final Map<Path, Result> results = new TreeMap<>();
  private Path corpus;

  private record Result(String outcome, int items, String detail, boolean expectedValid) {
  }

  @BeforeAll
  void parseEveryFile() throws Exception {
    corpus = Requirements.sharedData().resolve("feeds");
    Requirements.require(Files.isDirectory(corpus), "the feed corpus at " + corpus);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().toList();
    }
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      for (Path file : files) {
        byte[] body = Files.readAllBytes(file);
        Future<Result> parsed = worker.submit(() -> parse(body));
        results.put(corpus.relativize(file), parsed.get(10, TimeUnit.SECONDS)); // a hang fails here
      }
    } finally {
      worker.shutdownNow();
    }
  }

  private static Result parse(byte[] body) {
    boolean expectedValid = expectedValid(body);
    try {
      ParsedFeed feed = FeedParser.parse(body, null);
      return new Result(feed.malformed() ? "recovered" : "parsed", feed.entries().size(), feed.recovered(), expectedValid);
    } catch (FeedParser.FeedParseException e) {
      return new Result("rejected", 0, e.getMessage(), expectedValid);
    }
  }

  private static boolean expectedValid(byte[] body) {
    Matcher expect = EXPECT.matcher(new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1));
    return expect.find() && expect.group(1).equals("!Error");
  }

  @AfterAll
  void printSummary() throws IOException {
    if (results.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder();
    results.forEach((file, r) -> report.append(r.outcome()).append('\t').append(r.items()).append('\t').append(file)
        .append('\t').append(r.detail() == null ? "" : r.detail()).append('\n'));
    Path out = Path.of("target", "feed-corpus-report.tsv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.printf("feed corpus: %d files, %d parsed, %d recovered, %d rejected (details in %s)%n", results.size(),
        count("parsed"), count("recovered"), count("rejected"), out.toAbsolutePath());
  }

  private long count(String outcome) {
    return results.values().stream().filter(r -> r.outcome().equals(outcome)).count();
  }

  @Test
  void numbersOfParsedRecoveredAndRejectedFilesArePinned() {
    assertThat(results.size()).isEqualTo(2168);
    assertThat(count("parsed")).as("parsed as they are").isEqualTo(1926);
    assertThat(count("recovered")).as("parsed after repairs, marked malformed").isEqualTo(9);
    assertThat(count("rejected")).as("rejected with a one-line reason").isEqualTo(233);
  }

  @Test
  void everyRejectionIsOneLineWithAReason() {
    List<String> unclear = results.values().stream().filter(r -> r.outcome().equals("rejected")).map(Result::detail)
        .filter(reason -> reason == null || reason.isBlank() || reason.contains("\n") || reason.contains("Exception")
            || reason.contains("org.jdom2"))
        .toList();
    assertThat(unclear).isEmpty();
  }

  /** W3C cases marked valid parse, except documents that are not RSS or Atom, and RSS 1.1 (Rome does not read it). */
  @Test
  void everyValidRssOrAtomTestCaseParses() {
    List<Path> notParsed = new ArrayList<>();
    results.forEach((file, r) -> {
      String path = file.toString();
      boolean notAFeed = path.contains("/ext/app/") || path.contains("/opensearch/") || path.contains("/opml/") || path.contains("/rss11/");
      if (r.expectedValid() && !notAFeed && r.outcome().equals("rejected")) {
        notParsed.add(file);
      }
    });
    assertThat(results.values()).filteredOn(Result::expectedValid).hasSizeGreaterThan(100);
    assertThat(notParsed).isEmpty();
  }

  @Test
  void everyRomeSampleFeedParsesWithItsItems() {
    Map<Path, Result> rome = new TreeMap<>();
    results.forEach((file, r) -> {
      if (file.startsWith("rome") && !file.startsWith("rome/rome-opml")) {
        rome.put(file, r);
      }
    });
    assertThat(rome).isNotEmpty();
    Map<Path, String> rejected = new TreeMap<>();
    rome.forEach((file, r) -> {
      if (r.outcome().equals("rejected")) {
        rejected.put(file, r.detail());
      }
    });
    // One of Rome's samples carries a DOCTYPE (Netscape's RSS 0.91 DTD), which Eurus refuses on purpose; another is
    // an HTML error page ("We're Sorry") saved as a feed, named for what it is.
    assertThat(rejected).containsOnly(
        Map.entry(Path.of("rome/rome/rss_0.91N.xml"), "DOCTYPE declarations are refused (no external entities, no entity expansion)"),
        Map.entry(Path.of("rome/rome-modules/2.rss"), "not an RSS or Atom feed (root element <html>)"));
    assertThat(rome.values()).filteredOn(r -> !r.outcome().equals("rejected")).allSatisfy(r -> assertThat(r.items()).isNotNegative());
    assertThat(rome.values().stream().mapToInt(Result::items).sum()).isGreaterThan(300);
  }
}
