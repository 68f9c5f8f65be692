package io.eurus.ingest.poll;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which feeds this instance polls, decided by Kafka: the instances subscribe to {@code feeds} in one
 * consumer group, and the group's partition assignment is the split. On assignment the instance restores
 * the feeds' state from the same partitions of {@code ingest.state} and reads the definitions from the
 * beginning; on revocation it stops those feeds and waits for their polls in flight to commit before the
 * group moves on, so the next owner starts from the committed state. No coordination of our own.
 */
public final class FeedAssignments implements ConsumerRebalanceListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedAssignments.class);

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final StateRestorer restorer;
  private final FeedPollers shared;
  private final Duration drainTimeout;
  private final Consumer<String> forgotten;
  private final Map<String, FeedPoller> pollers = new ConcurrentHashMap<>();
  /** State read on assignment, per partition, until each feed's definition arrives. */
  private final Map<Integer, Map<String, FeedState>> restored = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> positions = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile ConsumerGroupMetadata group;
  private volatile boolean running = true;

  /**
   * @param consumer     a consumer in the ingest group, not yet subscribed
   * @param drainTimeout how long a revocation waits for polls in flight
   * @param forgotten    told the id of each feed this instance stops polling (for its metrics)
   */
  public FeedAssignments(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, StateRestorer restorer,
      FeedPollers shared, Duration drainTimeout, Consumer<String> forgotten) {
    this.consumer = consumer;
    this.restorer = restorer;
    this.shared = shared;
    this.drainTimeout = drainTimeout;
    this.forgotten = forgotten;
    this.thread = new Thread(this::run, "eurus-ingest-assignments");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public boolean alive() {
    return thread.isAlive();
  }

  /** The feeds this instance polls now. */
  public List<String> feeds() {
    return List.copyOf(pollers.keySet());
  }

  /** What a transaction carries so that the group coordinator fences this instance once it lost its feeds. */
  public Optional<TransactionalPublisher.Fence> fence() {
    ConsumerGroupMetadata current = group;
    return current == null ? Optional.empty() : Optional.of(new TransactionalPublisher.Fence(current, Map.copyOf(positions)));
  }

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.FEEDS.name()), this);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
          apply(record);
          positions.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        group = consumer.groupMetadata();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("ingest lost its feed assignment loop; the group moves its feeds to other instances", e);
    } finally {
      stopAll(pollers.values());
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String id = Topics.FEEDS.keySerde().deserializer().deserialize(record.topic(), record.key());
    FeedDefinition feed;
    try {
      feed = Topics.FEEDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      LOG.warn("ignoring unreadable definition of feed {}: {}", id, e.getMessage());
      return;
    }
    FeedPoller current = pollers.get(id);
    if (feed == null) {
      if (current != null) {
        pollers.remove(id);
        current.stop();
        forgotten.accept(id);
      }
      return;
    }
    if (current != null && current.feed().equals(feed)) {
      return; // read again after an assignment: nothing changed
    }
    if (current == null) {
      Map<String, FeedState> partitionStates = restored.get(record.partition());
      FeedState state = partitionStates == null ? null : partitionStates.remove(id);
      FeedPoller poller = new FeedPoller(feed, record.partition(), state == null ? FeedState.initial(id) : state, shared);
      pollers.put(id, poller);
      poller.start();
      return;
    }
    // A changed definition: its successor starts from the state the old one's last poll committed.
    current.stop().whenComplete((done, error) -> {
      FeedPoller successor = new FeedPoller(feed, record.partition(), current.state(), shared);
      if (pollers.replace(id, current, successor)) {
        successor.start();
      }
    });
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    long began = System.nanoTime();
    int states = 0;
    for (TopicPartition partition : partitions) {
      Map<String, FeedState> read = restorer.restore(List.of(partition));
      restored.put(partition.partition(), read);
      states += read.size();
    }
    consumer.seekToBeginning(partitions);
    LOG.info("ingest took over partitions {} of feeds with the state of {} feeds (read in {} ms)",
        partitions.stream().map(TopicPartition::partition).sorted().toList(), states,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    release(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    release(partitions);
  }

  private void release(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
    List<FeedPoller> leaving = new ArrayList<>();
    pollers.values().removeIf(poller -> {
      boolean leaves = numbers.contains(poller.partition());
      if (leaves) {
        leaving.add(poller);
      }
      return leaves;
    });
    stopAll(leaving);
    leaving.forEach(poller -> forgotten.accept(poller.feed().id()));
    partitions.forEach(positions::remove);
    numbers.forEach(restored::remove);
    LOG.info("ingest released partitions {} of feeds ({} feeds)", numbers.stream().sorted().toList(), leaving.size());
  }

  /** Stops the pollers and waits (bounded) for their polls in flight to be committed or given up. */
  private void stopAll(Collection<FeedPoller> stopping) {
    List<CompletableFuture<Void>> inFlight = stopping.stream().map(FeedPoller::stop).toList();
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("polls in flight did not finish within {} s; their feeds' new owner polls them again", drainTimeout.toSeconds());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(drainTimeout.plusSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
