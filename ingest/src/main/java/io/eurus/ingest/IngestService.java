package io.eurus.ingest;

import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.ingest.fetch.EnvProxySelector;
import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.ingest.parse.FullText;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.ingest.poll.FeedAssignments;
import io.eurus.ingest.poll.FeedCatalog;
import io.eurus.ingest.poll.FeedHealth;
import io.eurus.ingest.poll.FeedMetrics;
import io.eurus.ingest.poll.PollCycle;
import io.eurus.ingest.poll.PollSchedule;
import io.eurus.ingest.poll.StateRestorer;
import io.eurus.ingest.poll.TransactionalPublisher;
import io.eurus.platform.Service;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.ops.Ops;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: publishes its feed list to {@code feeds}, takes its share of the feeds through the
 * consumer group, polls them politely and publishes new and edited articles, each feed's state, status and
 * health alerts in Kafka transactions. See {@link FeedAssignments} for the split, {@link PollCycle} for one
 * poll and {@link TransactionalPublisher} for the guarantees.
 */
public final class IngestService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  private final IngestSettings settings;
  private final List<FeedDefinition> feeds;
  private final Ops ops;
  private final Clock clock;
  private ScheduledThreadPoolExecutor scheduler;
  private ExecutorService cpu;
  private TransactionalPublisher publisher;
  private FeedAssignments assignments;

  public IngestService(IngestSettings settings, List<FeedDefinition> feeds, Ops ops, Clock clock) {
    this.settings = settings;
    this.feeds = List.copyOf(feeds);
    this.ops = ops;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void start() {
    publishFeedList();
    String transactionalId = settings.groupId() + "-" + UUID.randomUUID();
    publisher = new TransactionalPublisher(() -> transactionalProducer(transactionalId), () -> assignments.fence());
    publisher.start();
    scheduler = new ScheduledThreadPoolExecutor(1, daemon("eurus-ingest-schedule"));
    scheduler.setRemoveOnCancelPolicy(true);
    cpu = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), daemon("eurus-ingest-parse"));
    FeedFetcher fetcher = new FeedFetcher(settings.fetchOptions(), EnvProxySelector.fromEnvironment(System.getenv()));
    PollCycle cycle = new PollCycle(fetcher, LanguageGuesser.shared(),
        new FullText(fetcher, settings.fullTextMaxBytes(), settings.fullTextTimeout()),
        new FeedHealth(settings.failingAlertAfter(), settings.silentFactor(), settings.silentMinimum()), clock, cpu);
    FeedMetrics metrics = new FeedMetrics(ops.registry());
    var shared = new io.eurus.ingest.poll.FeedPollers(cycle, publisher, new PollSchedule(settings.maxBackoff(), RandomGenerator.getDefault()),
        scheduler, clock, metrics::committed);
    assignments = new FeedAssignments(new KafkaConsumer<>(groupConsumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        new StateRestorer(new KafkaConsumer<>(readerConfig("eurus-ingest-restore"), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
            KAFKA_TIMEOUT), shared, Duration.ofSeconds(settings.requestTimeoutSeconds() + 10L), metrics::forget);
    assignments.start();
  }

  /** Checks co-partitioning, then writes the configured list to {@code feeds}. */
  private void publishFeedList() {
    try (var reader = new KafkaConsumer<>(readerConfig("eurus-ingest-catalog"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
         var producer = new KafkaProducer<>(KafkaClients.producerConfig(settings.kafka(), "eurus-ingest-catalog"),
             new ByteArraySerializer(), new ByteArraySerializer())) {
      int feedPartitions = reader.partitionsFor(Topics.FEEDS.name(), KAFKA_TIMEOUT).size();
      int statePartitions = reader.partitionsFor(Topics.INGEST_STATE.name(), KAFKA_TIMEOUT).size();
      if (feedPartitions != statePartitions) {
        throw new StartupException("topic " + Topics.INGEST_STATE.name() + " has " + statePartitions + " partitions and "
            + Topics.FEEDS.name() + " has " + feedPartitions + ": they must match (the owner of a feed owns its state)");
      }
      FeedCatalog.Changes changes = FeedCatalog.publish(feeds, reader, producer, KAFKA_TIMEOUT);
      LOG.info("Ingest feed list: {} feeds ({} written to '{}', {} removed); {} partitions to share between instances",
          feeds.size(), changes.written(), Topics.FEEDS.name(), changes.removed(), feedPartitions);
    } catch (ExecutionException e) {
      throw new StartupException("cannot publish the feed list to Kafka: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while publishing the feed list");
    }
  }

  private Producer<byte[], byte[]> transactionalProducer(String transactionalId) {
    Map<String, Object> config = KafkaClients.producerConfig(settings.kafka(), transactionalId);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // Short blocking calls: the publisher retries them itself and stays responsive to stop.
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    // Records are small and committed in batches; 32 MB of send buffer (the default) would be an eighth of a small heap.
    // (putIfAbsent: the operator's kafka.producer.* settings win.)
    config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private Map<String, Object> groupConsumerConfig() {
    Map<String, Object> config = KafkaClients.consumerConfig(settings.kafka(), settings.groupId(), "eurus-ingest");
    // Stopping a feed waits for its poll in flight; give revocation the time that takes.
    config.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 120_000);
    return config;
  }

  private Map<String, Object> readerConfig(String clientId) {
    Map<String, Object> config = KafkaClients.consumerConfig(settings.kafka(), null, clientId);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return config;
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The feeds this instance polls now (its share of the group's). */
  public List<String> ownedFeeds() {
    return assignments == null ? List.of() : assignments.feeds();
  }

  @Override
  public boolean healthy() {
    return assignments != null && assignments.alive() && publisher != null;
  }

  @Override
  public void close() {
    if (assignments != null) {
      assignments.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (cpu != null) {
      cpu.shutdownNow();
    }
  }
}
