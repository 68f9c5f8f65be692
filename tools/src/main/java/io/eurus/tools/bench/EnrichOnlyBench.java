package io.eurus.tools.bench;

import io.eurus.cli.replay.ArticleArchive;
import io.eurus.processor.ArticleEnricher;
import io.eurus.processor.ProcessorSources;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The baseline of the replay benchmark, in the same run: the same coverage file read in the same order as
 * {@code eurus replay} reads it, each article enriched by part 1 of the processor alone (relevance, rules, tone),
 * with no topology around it — no Kafka Streams driver, no stories, windows or detectors. The replay's time over
 * this one is what the topology adds; this one is what bounds the replay. Usage: {@code EnrichOnlyBench FILE}.
 */
public final class EnrichOnlyBench {

  private EnrichOnlyBench() {
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    var threads = ManagementFactory.getThreadMXBean();
    long began = System.nanoTime();
    long cpuBegan = threads.getCurrentThreadCpuTime();
    int count = 0;
    try (ProcessorSources.OpenProcessor processor = new ProcessorSources(
        io.eurus.processor.EnricherSources.defaults(), null).open(matcher -> { });
         ArticleArchive archive = ArticleArchive.open(file, (line, problem) -> { })) {
      ArticleEnricher enricher = processor.enricher().enricher();
      for (ArticleArchive.Entry entry : archive.inOrder()) {
        enricher.enrich(archive.read(entry));
        count++;
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBegan) / 1e6;
    System.out.printf(Locale.ROOT, "enrich only: %,d articles in %.1fs (%,.0f articles/s), %.3f ms CPU per article%n",
        count, seconds, count / seconds, cpuMillis / count);
  }
}
