package io.eurus.processor;

import io.eurus.events.Topics;
import io.eurus.platform.Service;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.ops.Ops;
import io.eurus.processor.tone.ToneModels;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the processor topology with exactly-once processing. More instances with the same id share the partitions. */
public final class ProcessorService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);

  private final ProcessorSettings settings;
  private final Ops ops;
  private final AtomicInteger rulesInForce = new AtomicInteger();
  private final AtomicInteger rulesLeftOut = new AtomicInteger();
  private ProcessorSources.OpenProcessor processor;
  private KafkaStreams streams;
  /** Publishes the processor's own health alerts (RULES_PROBLEM), beside the topology's exactly-once output. */
  private volatile EventProducer health;

  public ProcessorService(ProcessorSettings settings, Ops ops) {
    this.settings = settings;
    this.ops = ops;
  }

  /**
   * The Kafka Streams configuration of the service, separate from the topology (as in Kafka's WordCountDemo): Eurus'
   * choices under the operator's client settings ({@code kafka.*}, {@code kafka.streams.*} …).
   */
  public static Properties streamsConfig(ProcessorSettings settings) {
    Map<String, Object> props = new HashMap<>();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
    // -1: the broker's default.replication.factor, so the same settings fit one broker and a cluster.
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    // Kafka Streams gives exactly-once transactions 10 s. A relevant article costs the tone model a few to a few
    // tens of milliseconds of CPU (encodings and its explanation), and on a starved 2-core machine (load 12–30)
    // a transaction of a few hundred articles outlived 10 s: the coordinator aborted it and the producer retried
    // OUT_OF_ORDER_SEQUENCE_NUMBER without end (bench/processor-live on real coverage). 30 s leaves room; a crashed
    // instance's open transaction holds back read_committed readers at most that long.
    props.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 30_000);
    // Opt in now to what becomes the default in Kafka 5.0 (and silences a start-up warning).
    props.put("processing.exception.handler.global.enabled", true);
    // An unreadable record or an article the enricher fails on goes to articles.dlq with the reason; the stream goes on.
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
    Properties config = new Properties();
    config.putAll(settings.kafka().streamsConfig(props));
    return config;
  }

  @Override
  public String name() {
    return "processor";
  }

  @Override
  public void start() {
    // Every file is read and checked before Kafka is touched: a broken profile fails the start in one message.
    processor = settings.processorSources().openWatching(new RulesProblemAlerts(matcher -> {
      rulesInForce.set(matcher.rules().size());
      rulesLeftOut.set(matcher.problems().size());
    }, this::raise, Clock.systemUTC()));
    health = new EventProducer(KafkaClients.producerConfig(settings.kafka(), "eurus-processor-health"));
    ops.registry().gauge("eurus.processor.rules", rulesInForce);
    ops.registry().gauge("eurus.processor.rules.invalid", rulesLeftOut);
    ToneModels models = processor.enricher().models();
    io.micrometer.core.instrument.FunctionCounter.builder("eurus.processor.tone.sentences.truncated", models,
        ToneModels::truncated).description("sentences cut at the tone encoder's 128 word pieces").register(ops.registry());
    io.micrometer.core.instrument.FunctionCounter.builder("eurus.processor.tone.sentences.encoded", models,
        ToneModels::encoded).description("sentences encoded by the tone model (not answered from its cache)")
        .register(ops.registry());
    Properties config = streamsConfig(settings);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
    processor.build(builder);
    streams = new KafkaStreams(builder.build(), config);
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("processor stream thread failed, replacing it: {}", error.toString());
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    new KafkaStreamsMetrics(streams).bindTo(ops.registry());
    streams.start();
    LOG.info("Processor started (application id {}, {} stream thread{}, Kafka at {})", settings.applicationId(),
        settings.streamThreads(), settings.streamThreads() == 1 ? "" : "s", settings.kafka().describe());
  }

  /** Raises one of the processor's health alerts to the desk (the rules file is only watched once this exists). */
  private void raise(io.eurus.events.Alert alert) {
    EventProducer producer = health;
    if (producer == null) {
      LOG.warn("{} not raised: the processor is not started", alert.id());
      return;
    }
    producer.send(Topics.ALERTS, alert.key(), alert).whenComplete((sent, error) -> {
      if (error != null) {
        LOG.warn("cannot raise {} to the desk: {}", alert.id(), error.getMessage());
      }
    });
  }

  @Override
  public boolean healthy() {
    return streams != null && (streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED);
  }

  @Override
  public void close() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
    if (processor != null) {
      processor.close();
    }
    if (health != null) {
      health.close();
    }
  }
}
