package io.eurus.ingest.poll;

import io.eurus.events.Alert;
import io.eurus.events.Article;
import io.eurus.events.Topic;
import io.eurus.events.Topics;
import io.eurus.platform.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes poll outcomes in Kafka transactions: a poll's articles, the feed's state, its status and
 * alerts commit together or not at all, so an article is remembered as seen exactly when it is published.
 * Outcomes that arrive together share one transaction (hundreds of polls a second would not fit in one
 * transaction each).
 *
 * <p>When Kafka is unavailable the batch is kept and retried, with the producer recreated when it must be,
 * until it commits; each outcome's future completes only then. A commit that timed out is retried as such
 * (it may already be in progress), never aborted and resent, so a slow broker cannot cause a duplicate.
 *
 * <p>A feed removed from the list gets its end published the same way ({@link #publishRemoval}): tombstones
 * for its state and its status, so nothing shows it any more and compaction can drop it.
 *
 * <p>Every transaction also carries the consumer group's metadata of the {@code feeds} subscription
 * ({@code sendOffsetsToTransaction}): an instance that lost its feeds to a rebalance but does not know it
 * yet is fenced by the group coordinator instead of publishing a second time.
 */
public final class TransactionalPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
  private static final int MAX_BATCH = 1000;
  /** One producer, so no herd to spread: no jitter. */
  private static final Backoff RETRY = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5), 0);

  /** The group's view to fence zombies with: our generation, and a position per owned partition of {@code feeds}. */
  public record Fence(ConsumerGroupMetadata group, Map<TopicPartition, OffsetAndMetadata> positions) {
  }

  /** What failed and why the outcome was not published; the feed is polled again. */
  public static final class NotPublishedException extends RuntimeException {
    NotPublishedException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /** Records to send in one transaction (given the producer of the attempt, which a retry may have replaced). */
  private record Pending(java.util.function.Consumer<Producer<byte[], byte[]>> records, CompletableFuture<Void> committed) {
  }

  /** Waits between retries: the real time in service, whatever a test says (so a test need not wait). */
  interface Pause {
    void sleep(Duration wait) throws InterruptedException;
  }

  private final Supplier<Producer<byte[], byte[]>> producers;
  private final Supplier<Optional<Fence>> fence;
  private final Pause pause;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean connected = true;
  private Producer<byte[], byte[]> producer;

  /**
   * @param producers makes a transactional producer (same transactional.id each time, so a new one
   *                  fences and aborts what the previous one left open)
   */
  public TransactionalPublisher(Supplier<Producer<byte[], byte[]>> producers, Supplier<Optional<Fence>> fence) {
    this(producers, fence, wait -> Thread.sleep(wait.toMillis()));
  }

  TransactionalPublisher(Supplier<Producer<byte[], byte[]>> producers, Supplier<Optional<Fence>> fence, Pause pause) {
    this.producers = producers;
    this.fence = fence;
    this.pause = pause;
    this.thread = new Thread(this::run, "eurus-ingest-publish");
    this.thread.setDaemon(true);
  }

  public void start() {
    producer = newProducer();
    thread.start();
  }

  /** Completes when the outcome is committed; fails when it cannot be (fenced, or stopping). */
  public CompletableFuture<Void> publish(PollOutcome outcome) {
    return enqueue(producer -> send(producer, outcome));
  }

  /**
   * Publishes tombstones for the state and the status of a feed no longer listed. Completes when they are
   * committed; fails like {@link #publish} (a fenced removal is redone by the feed's owner after the rebalance).
   */
  public CompletableFuture<Void> publishRemoval(String feedId) {
    return enqueue(producer -> {
      producer.send(tombstone(Topics.INGEST_STATE, feedId));
      producer.send(tombstone(Topics.FEED_STATUS, feedId));
    });
  }

  private CompletableFuture<Void> enqueue(java.util.function.Consumer<Producer<byte[], byte[]>> records) {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    if (!running) {
      committed.completeExceptionally(new NotPublishedException("ingest is stopping", null));
      return committed;
    }
    queue.add(new Pending(records, committed));
    return committed;
  }

  /** Whether the last transaction went through (false while Kafka is unreachable). */
  public boolean connected() {
    return connected;
  }

  public int waiting() {
    return queue.size();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        publishUntilDone(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } catch (RuntimeException e) {
        if (running) {
          LOG.error("publishing failed; the feeds concerned are polled again", e);
        }
      } finally {
        batch.forEach(p -> p.committed().completeExceptionally(new NotPublishedException("ingest is stopping", null)));
        batch.clear();
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.committed().completeExceptionally(new NotPublishedException("ingest is stopping", null));
    }
  }

  private void publishUntilDone(List<Pending> batch) throws InterruptedException {
    int failures = 0;
    while (running) {
      try {
        producer.beginTransaction();
        for (Pending pending : batch) {
          pending.records().accept(producer);
        }
        Optional<Fence> current = fence.get();
        if (current.isPresent() && !current.get().positions().isEmpty()) {
          producer.sendOffsetsToTransaction(current.get().positions(), current.get().group());
        }
        commit();
        connected = true;
        batch.forEach(p -> p.committed().complete(null));
        batch.clear();
        return;
      } catch (InterruptException e) {
        throw new InterruptedException("interrupted while publishing");
      } catch (KafkaException | IllegalStateException e) {
        if (fencedByTheGroup(e)) {
          // We may no longer own these feeds: nothing of this batch may commit. Their owner (us again, or
          // another instance) polls them anew from the committed state.
          LOG.info("ingest transaction refused by the consumer group (rebalance); {} feed updates (polls, removals) "
              + "will be redone", batch.size());
          abortQuietly();
          NotPublishedException fenced = new NotPublishedException("fenced by a rebalance", e);
          batch.forEach(p -> p.committed().completeExceptionally(fenced));
          batch.clear();
          return;
        }
        connected = false;
        Duration wait = RETRY.nominal(++failures);
        LOG.warn("cannot publish {} feed updates (polls, removals) to Kafka, keeping them and retrying in {} ms: {}",
            batch.size(), wait.toMillis(), e.getMessage());
        recreateProducer();
        pause.sleep(wait);
      }
    }
  }

  /** The group coordinator refused our offsets: our generation is stale, some feeds may belong to another instance. */
  private static boolean fencedByTheGroup(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof org.apache.kafka.clients.consumer.CommitFailedException
          || e instanceof org.apache.kafka.common.errors.FencedInstanceIdException
          || e instanceof org.apache.kafka.common.errors.IllegalGenerationException
          || e instanceof org.apache.kafka.common.errors.UnknownMemberIdException
          || e instanceof org.apache.kafka.common.errors.RebalanceInProgressException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A commit that timed out may still be completing: the only safe moves are to retry it or to close. The
   * retries back off like the rest, so a broker that is away costs a line in the log now and then, not a
   * spinning thread.
   */
  private void commit() throws InterruptedException {
    int failures = 0;
    while (true) {
      try {
        producer.commitTransaction();
        return;
      } catch (TimeoutException e) {
        if (!running) {
          throw e;
        }
        connected = false;
        Duration wait = RETRY.nominal(++failures);
        LOG.warn("commit not acknowledged yet, retrying in {} ms: {}", wait.toMillis(), e.getMessage());
        pause.sleep(wait);
      }
    }
  }

  private static void send(Producer<byte[], byte[]> producer, PollOutcome outcome) {
    for (Article article : outcome.articles()) {
      producer.send(record(Topics.ARTICLES, article.id(), article));
    }
    if (outcome.writeState()) {
      producer.send(record(Topics.INGEST_STATE, outcome.feed().id(), outcome.state()));
    }
    producer.send(record(Topics.FEED_STATUS, outcome.feed().id(), outcome.status()));
    for (Alert alert : outcome.alerts()) {
      producer.send(record(Topics.ALERTS, alert.key(), alert));
    }
  }

  private static <K, V> ProducerRecord<byte[], byte[]> record(Topic<K, V> topic, K key, V value) {
    return new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private static ProducerRecord<byte[], byte[]> tombstone(Topic<String, ?> topic, String key) {
    return new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key), null);
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      recreateProducer();
    }
  }

  private void recreateProducer() {
    try {
      producer.close(Duration.ZERO);
    } catch (KafkaException e) {
      // it is being replaced
    }
    producer = newProducer();
  }

  /** A new producer; initTransactions waits for the broker, retried until it answers or we stop. */
  private Producer<byte[], byte[]> newProducer() {
    while (true) {
      Producer<byte[], byte[]> created = producers.get();
      try {
        created.initTransactions();
        return created;
      } catch (TimeoutException e) {
        created.close(Duration.ZERO);
        connected = false;
        LOG.warn("Kafka does not answer yet, retrying: {}", e.getMessage());
        if (!running) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(15).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
