package io.eurus.tools.bench;

import io.eurus.cli.replay.ArticleArchive;
import io.eurus.embedded.EmbeddedKafka;
import io.eurus.events.Article;
import io.eurus.events.Topic;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.processor.ProcessorService;
import io.eurus.processor.ProcessorSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Live throughput of the processor on the embedded broker, against a pass-through topology on the same broker in
 * the same run. The first {@code ARTICLES} articles of a coverage file are written to {@code articles} (6
 * partitions) first; then each topology starts on them from the beginning with its own application id, and the
 * rate is read off its committed output ({@code read_committed}): articles per second from its start to its last
 * output article, and the process's CPU time per article. The full topology's output comes through its
 * single-partition stories repartition topic, in bursts a commit apart, so only the whole run's rate is fair.
 *
 * <ul>
 *   <li>pass-through: {@code articles} → read the JSON, write it again → {@code bench.passthrough}, exactly-once,
 *       with the processor's own streams configuration: what Kafka Streams and the broker cost alone;</li>
 *   <li>full topology: {@link ProcessorService} as deployed — enrichment, rule alerts, stories, windows and
 *       detectors — counted on {@code articles.enriched}, which every article reaches once.</li>
 * </ul>
 *
 * The full topology first runs untimed over 10,000 of the articles (JIT warm-up) with an application id of its own.
 *
 * Usage: {@code ProcessorLiveBench FILE [ARTICLES [STREAM_THREADS]]} ({@code processor.stream.threads} of both
 * topologies, default 0: one per core, as in the product). Run it with {@code bench/processor-live}.
 */
public final class ProcessorLiveBench {

  private static final Topic<String, Article> PASS_THROUGH = new Topic<>("bench.passthrough", Serdes.String(),
      Topics.ARTICLES.valueSerde(), false, "benchmark output of the pass-through topology");

  private ProcessorLiveBench() {
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 50_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path state = Files.createTempDirectory("eurus-live-bench-");
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      String bootstrap = broker.bootstrapServers();
      TopicAdmin.ensureTopics(KafkaConnection.to(bootstrap), Topics.ALL, 6);
      TopicAdmin.ensureTopics(KafkaConnection.to(bootstrap), List.of(PASS_THROUGH), 6);
      int written = publish(bootstrap, file, count);
      System.out.printf(Locale.ROOT, "%,d articles written to %s%n", written, Topics.ARTICLES.name());
      // Untimed: the JIT compiles enrichment, Kafka Streams and the state stores before anything is measured;
      // otherwise whichever full-topology run came first would pay for it (about half again its CPU time).
      measure(bootstrap, Topics.ARTICLES_ENRICHED.name(), Math.min(written, 10_000), () -> {
        ProcessorService service = new ProcessorService(settings(bootstrap, "bench-warm-up", state, threads), new Ops());
        service.start();
        return service::close;
      });

      Rate pass = measure(bootstrap, PASS_THROUGH.name(), written, () -> {
        Properties config = ProcessorService.streamsConfig(settings(bootstrap, "bench-pass-through", state, threads));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES.name(), Consumed.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde()))
            .to(PASS_THROUGH.name(), Produced.with(PASS_THROUGH.keySerde(), PASS_THROUGH.valueSerde()));
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        streams.start();
        return streams::close;
      });
      System.out.println("pass-through:  " + pass);

      Rate full = measure(bootstrap, Topics.ARTICLES_ENRICHED.name(), written, () -> {
        ProcessorService service = new ProcessorService(settings(bootstrap, "bench-full", state, threads), new Ops());
        service.start();
        return service::close;
      });
      System.out.println("full topology: " + full);
      System.out.printf(Locale.ROOT, "relevant: %,d of %,d articles (%.1f %%)%n", full.relevant(), written,
          100.0 * full.relevant() / written);
      System.out.printf(Locale.ROOT, "ratio full / pass-through: %.3f%n", full.perSecond() / pass.perSecond());
    }
  }

  /** @param threads {@code processor.stream.threads} of the topology */
  private static ProcessorSettings settings(String bootstrap, String applicationId, Path state, int threads) {
    return new ProcessorSettings(Map.of(CommonSettings.BOOTSTRAP_SERVERS, bootstrap,
        ProcessorSettings.APPLICATION_ID, applicationId, ProcessorSettings.STATE_DIR, state.toString(),
        ProcessorSettings.STREAM_THREADS, String.valueOf(threads)));
  }

  /** Writes the first {@code count} articles of the file, in event-time order, as ingest would (keyed by id). */
  private static int publish(String bootstrap, Path file, int count) throws IOException {
    int written = 0;
    try (ArticleArchive archive = ArticleArchive.open(file, (line, problem) -> {
      throw new IllegalArgumentException(file + " line " + line + ": " + problem);
    });
         KafkaProducer<String, Article> producer = new KafkaProducer<>(KafkaClients.producerConfig(KafkaConnection.to(bootstrap), "bench"),
             Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
      for (ArticleArchive.Entry entry : archive.inOrder()) {
        if (written == count) {
          break;
        }
        Article article = archive.read(entry);
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(), article));
        written++;
      }
      producer.flush();
    }
    return written;
  }

  /**
   * Articles per second from the topology's start to its last committed output article (start-up and the first
   * rebalance included, so the figure is a floor), and the process's CPU time (broker included) per article.
   */
  record Rate(double perSecond, double cpuMillisPerArticle, double seconds, int relevant) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,.0f articles/s, %.3f ms CPU per article (whole process), %,.1f s",
          perSecond, cpuMillisPerArticle, seconds);
    }
  }

  interface Running {
    AutoCloseable start() throws Exception;
  }

  private static Rate measure(String bootstrap, String output, int expected, Running topology) throws Exception {
    var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, Object> config = KafkaClients.consumerConfig(KafkaConnection.to(bootstrap), "bench-count-" + output, "bench-count");
    try (KafkaConsumer<byte[], byte[]> counter = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      // Counts from the topic's end as it is now: an earlier run's output is not this run's.
      List<TopicPartition> partitions = counter.partitionsFor(output).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      counter.assign(partitions);
      counter.seekToEnd(partitions);
      partitions.forEach(counter::position);
      long began = System.nanoTime();
      long cpuBegan = cpu.getProcessCpuTime();
      int seen = 0;
      int relevant = 0;
      try (AutoCloseable running = topology.start()) {
        long deadline = began + Duration.ofMinutes(30).toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
          for (var record : counter.poll(Duration.ofMillis(100))) {
            seen++;
            // Jackson writes no spaces: an enriched article about the relationship carries exactly this.
            relevant += record.value() != null && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"relevant\":true") ? 1 : 0;
          }
        }
        if (seen < expected) {
          throw new IllegalStateException(output + ": only " + seen + " of " + expected + " articles after 30 minutes");
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Rate(expected / seconds, (cpu.getProcessCpuTime() - cpuBegan) / 1e6 / expected, seconds, relevant);
      }
    }
  }
}
