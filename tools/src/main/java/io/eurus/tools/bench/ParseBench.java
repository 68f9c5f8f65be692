package io.eurus.tools.bench;

import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.ingest.parse.Articles;
import io.eurus.ingest.parse.FeedItemMapper;
import io.eurus.ingest.parse.FeedParser;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.ingest.parse.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Items per second through parse + normalise on one thread (run it pinned to one core: {@code taskset -c 0}),
 * beside two baselines on the same documents in the same run: the JDK's bare SAX parser, and Rome's
 * parse alone. Each rate is given per second of wall time and per second of the process's CPU time (GC and
 * JIT included): on a shared machine the second is what one core really does, the first what was left to us. Normalise is what ingest does to each item it publishes: id, plain text (jsoup), times,
 * content hash and language detection (OpenNLP).
 *
 * <pre>taskset -c 0 java -Xmx256m -cp cli/target/eurus.jar io.eurus.tools.bench.ParseBench [RUNS] [SECONDS]</pre>
 */
public final class ParseBench {

  private static final int FEEDS = 200;
  private static final int ITEMS = 20;

  private ParseBench() {
  }

  interface Work {
    int items(byte[] document) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    BenchFeeds generator = new BenchFeeds();
    List<byte[]> documents = new ArrayList<>();
    for (int i = 0; i < FEEDS; i++) {
      documents.add(generator.rss(i, 0, ITEMS));
    }
    System.out.printf("%d RSS documents of %d items, %d KB on average; %d runs of %d s after a warm-up, one thread%n", FEEDS, ITEMS,
        documents.stream().mapToInt(d -> d.length).sum() / FEEDS / 1024, runs, seconds);
    FeedDefinition feed = new FeedDefinition(1, "bench", "https://bench.example/rss", "Bench", "eu-media", "en", Duration.ofMinutes(10), false);
    LanguageGuesser languages = LanguageGuesser.shared();
    SAXParserFactory sax = SAXParserFactory.newInstance();
    sax.setNamespaceAware(true);

    Work bareSax = document -> {
      sax.newSAXParser().parse(new ByteArrayInputStream(document), new DefaultHandler());
      return ITEMS;
    };
    Work romeOnly = document -> FeedParser.parse(document, "application/rss+xml").entries().size();
    Work normalised = document -> {
      ParsedFeed parsed = FeedParser.parse(document, "application/rss+xml");
      Instant now = Instant.now();
      int n = 0;
      for (var entry : parsed.entries()) {
        Article article = FeedItemMapper.toArticle(feed, entry, now);
        FeedItemMapper.contentHash(article);
        Articles.withLanguage(article, languages.of(article, feed.language()));
        n++;
      }
      return n;
    };
    report("baseline  JDK SAX parse only", bareSax, documents, runs, seconds);
    report("baseline  Rome parse only (no normalise)", romeOnly, documents, runs, seconds);
    report("ingest    parse + normalise (id, plain text, hash, language)", normalised, documents, runs, seconds);
  }

  private static void report(String name, Work work, List<byte[]> documents, int runs, int seconds) throws Exception {
    run(work, documents, Math.max(3, seconds / 2)); // warm-up
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int r = 0; r < runs; r++) {
      double[] rate = run(work, documents, seconds);
      wall[r] = rate[0];
      cpu[r] = rate[1];
    }
    System.out.printf("%-62s median %,.0f items/s of wall time (runs: %s), %,.0f items per CPU second (runs: %s)%n", name,
        median(wall), list(wall), median(cpu), list(cpu));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String list(double[] values) {
    return String.join(", ", Arrays.stream(values).mapToObj(r -> String.format("%,.0f", r)).toList());
  }

  /** Items per wall second and per CPU second of this process. */
  private static double[] run(Work work, List<byte[]> documents, int seconds) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long items = 0;
    long cpuBefore = os.getProcessCpuTime();
    long began = System.nanoTime();
    long end = began + Duration.ofSeconds(seconds).toNanos();
    for (int i = 0; System.nanoTime() < end; i++) {
      items += work.items(documents.get(i % documents.size()));
    }
    double wallSeconds = (System.nanoTime() - began) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    return new double[] {items / wallSeconds, items / cpuSeconds};
  }
}
