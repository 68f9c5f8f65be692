package io.eurus.processor.bench;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Json;
import io.eurus.events.Topics;
import io.eurus.processor.EnricherSources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Enrichment throughput on one thread (= per core): 3 KB articles, two thirds English and one third Russian,
 * against the bundled rules plus generated ones (1,000 or 10,000 in all), compared in the same run with the cost
 * of reading the article's JSON alone. Run it with {@code bench/processor-throughput}.
 *
 * <p>Besides JMH's wall-clock throughput, each benchmark reports {@code cpuMicrosPerOp}: the benchmark thread's
 * own CPU time per operation. On a shared machine (this one often has a load of 10 on 2 cores) wall-clock
 * throughput says more about the neighbours than about the code; 1,000,000 / cpuMicrosPerOp is the throughput
 * of one core given to the processor alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnrichmentBenchmark {

  @Param({"1000", "10000"})
  int rules;

  private EnricherSources.OpenEnricher enricher;
  private final List<Article> articles = new ArrayList<>();
  private final List<byte[]> json = new ArrayList<>();
  private int next;

  private static final String[] EN = {
      "The Council of the EU adopted a further package of sanctions against Russia on Monday.",
      "Moscow said it would respond to the decision and summoned the EU ambassador.",
      "Foreign ministers met in Brussels to discuss energy security and gas supplies for the winter.",
      "The Kremlin accused the bloc of Russophobia and warned of countermeasures.",
      "Trade between the two sides has fallen sharply since the start of the war.",
      "Officials from both sides agreed to continue talks on a humanitarian prisoner exchange.",
      "The European Parliament passed a resolution on the case of a jailed Russian opposition politician.",
      "Analysts expect the price cap on Russian oil to be reviewed in the spring.",
      "Several member states reported drones over airports and suspected sabotage of undersea cables.",
      "The weather in the capital was mild, and the markets closed slightly higher.",
      "A new railway line will connect the two regional centres by the end of next year.",
      "The minister thanked the organisers and praised the constructive atmosphere of the meeting.",
  };
  private static final String[] RU = {
      "Совет ЕС утвердил новый пакет санкций против России.",
      "Москва пообещала ответные меры и вызвала посла Евросоюза в МИД.",
      "Министры иностранных дел обсудили в Брюсселе поставки газа и энергетическую безопасность.",
      "В Кремле обвинили Евросоюз в русофобии и предупредили о последствиях.",
      "Товарооборот между Россией и ЕС заметно сократился.",
      "Стороны договорились продолжить переговоры об обмене заключенными.",
      "Погода в столице была мягкой, биржи закрылись небольшим ростом.",
      "Новая железная дорога соединит два областных центра к концу следующего года.",
  };

  /** The benchmark thread's CPU time per operation in each iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public double cpuMicrosPerOp;
    private long start;
    private long ops;

    @Setup(Level.Iteration)
    public void start() {
      ops = 0;
      start = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
      cpuMicrosPerOp = ops == 0 ? 0 : (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / ops;
    }

    void count() {
      ops++;
    }

    void count(int operations) {
      ops += operations;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path file = Files.createTempFile("eurus-bench-rules-", ".yaml");
    Files.writeString(file, RuleGenerator.yaml(rules, new Random(42)));
    enricher = EnricherSources.defaults().withRules(file).open(matcher -> {
      if (!matcher.problems().isEmpty()) {
        throw new IllegalStateException("generated rules do not parse: " + matcher.problems().get(0));
      }
    });
    Files.delete(file);
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      boolean russian = i % 3 == 2;
      String[] pool = russian ? RU : EN;
      StringBuilder text = new StringBuilder();
      while (text.length() < 3_000) {
        text.append(pool[random.nextInt(pool.length)]).append(random.nextInt(5) == 0 ? "\n\n" : " ");
      }
      Article article = Article.builder()
          .id("bench-" + i)
          .revision(1)
          .feedId("bench")
          .source("Bench")
          .bloc("eu-media")
          .url("https://bench.example/" + i)
          .title(pool[random.nextInt(pool.length)])
          .text(text.toString())
          .language(russian ? "ru" : "en")
          .published(Instant.parse("2026-11-20T10:00:00Z"))
          .fetched(Instant.parse("2026-11-20T10:01:00Z"))
          .build();
      articles.add(article);
      json.add(Json.mapper().writeValueAsBytes(article));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    enricher.close();
  }

  /** Baseline: reading the article's JSON from Kafka bytes, as the topology must before anything else. */
  @Benchmark
  public Article deserializeOnly(CpuTime cpu) {
    cpu.count();
    return Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", json.get(next++ % json.size()));
  }

  /** Relevance, actors, rules (Lucene Monitor), tone and polarity of one article. */
  @Benchmark
  public EnrichedArticle enrich(CpuTime cpu) {
    cpu.count();
    return enricher.enricher().enrich(articles.get(next++ % articles.size()));
  }

  /** What one topology record costs: read the JSON, enrich, write the enriched JSON. */
  @Benchmark
  public byte[] deserializeEnrichSerialize(CpuTime cpu) {
    cpu.count();
    Article article = Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", json.get(next++ % json.size()));
    EnrichedArticle enriched = enricher.enricher().enrich(article);
    return Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize("articles.enriched", enriched);
  }
}
