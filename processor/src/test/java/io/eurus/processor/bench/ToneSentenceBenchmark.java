package io.eurus.processor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eurus.processor.tone.ToneEstimate;
import io.eurus.processor.tone.ToneModel;
import io.eurus.processor.tone.ToneModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole sentence path of the relations tone on one thread (= per core): hashed words, bge-small-en-v1.5 on
 * ONNX Runtime, the head — for real news sentences (NewsMTSC's devtest_rw, US political news, 1,067 distinct
 * sentences; English) that are never answered from the cache (it is off here), 8 per call, the size of a
 * relevant article's relationship sentences (each still encoded on its own, as the processor does). Russian (words only, no encoder) beside it. Run it with
 * {@code bench/tone-sentences}; needs {@code ../shared/data} (system property {@code eurus.shared.data}). Besides
 * JMH's wall-clock rate, {@code cpuMicrosPerOp} is the thread's CPU time per sentence: the figure to trust on a
 * shared machine (see {@link EnrichmentBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ToneSentenceBenchmark {

  static final int BATCH = 8;

  private ToneModels models;
  private ToneModel english;
  private ToneModel russian;
  private final List<String> englishSentences = new ArrayList<>();
  private final List<String> russianSentences = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path data = Path.of(System.getProperty("eurus.shared.data", "../shared/data"));
    ObjectMapper json = new ObjectMapper();
    Set<String> en = new LinkedHashSet<>();
    for (String line : Files.readAllLines(data.resolve("tone/newsmtsc/devtest_rw.jsonl"))) {
      JsonNode row = json.readTree(line);
      en.add(row.path("sentence_normalized").asText());
    }
    englishSentences.addAll(en);
    Set<String> ru = new LinkedHashSet<>();
    List<String> lines = Files.readAllLines(data.resolve("tone/rusentne2023/validation_data_labeled.csv"));
    for (String line : lines.subList(1, lines.size())) {
      ru.add(line.split("\t", 2)[0]);
    }
    russianSentences.addAll(ru);
    models = ToneModels.load(null, List.of("en", "ru"), 0);
    english = models.of("en");
    russian = models.of("ru");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    models.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ToneEstimate> englishSentence(EnrichmentBenchmark.CpuTime cpu) {
    cpu.count(BATCH);
    return english.estimate(batch(englishSentences));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<ToneEstimate> russianSentence(EnrichmentBenchmark.CpuTime cpu) {
    cpu.count(BATCH);
    return russian.estimate(batch(russianSentences));
  }

  private List<String> batch(List<String> pool) {
    List<String> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(pool.get(next++ % pool.size()));
    }
    return batch;
  }
}
