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
 * beginning to their end as of then (the replay), and only then starts polling the feeds still listed; on
 * revocation it stops those feeds and waits for their polls in flight to commit before the group moves on,
 * so the next owner starts from the committed state. No coordination of our own.
 *
 * <p>A feed that left the list (its tombstone on {@code feeds}) is removed by its owner: the poller stops
 * and, once its poll in flight is done, tombstones for the feed's state and status are published. A replay
 * removes the same way every feed that has a state but is no longer listed. So the removal happens once: a
 * feed whose state is gone has nothing to remove, and a removal that did not commit (fenced, stopping)
 * leaves the state in place for the next owner's replay to find.
 */
public final class FeedAssignments implements ConsumerRebalanceListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedAssignments.class);

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final StateRestorer restorer;
  private final FeedPollers shared;
  private final Duration drainTimeout;
  private final Consumer<String> forgotten;
  private final Map<String, FeedPoller> pollers = new ConcurrentHashMap<>();
  /** Removals not committed yet, by feed id; a revocation waits for them like for polls in flight. */
  private final Map<String, Removal> removals = new ConcurrentHashMap<>();
  /** Partitions being replayed after their assignment. */
  private final Map<TopicPartition, Replay> replaying = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> positions = new ConcurrentHashMap<>();
  private final TransactionalPublisher publisher;
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
    this.publisher = shared.publisher();
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
        finishReplays();
        group = consumer.groupMetadata();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("ingest lost its feed assignment loop; the group moves its feeds to other instances", e);
    } finally {
      stopAll(pollers.values(), removals.values().stream().map(Removal::committed).toList());
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String id = Topics.FEEDS.keySerde().deserializer().deserialize(record.topic(), record.key());
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Replay replay = replaying.get(partition);
    if (replay != null && record.offset() >= replay.end()) {
      finishReplay(partition);
      replay = null;
    }
    FeedDefinition feed;
    try {
      feed = Topics.FEEDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      LOG.warn("ignoring unreadable definition of feed {}: {}", id, e.getMessage());
      if (replay != null) {
        replay.listed().put(id, null); // still listed, only unreadable here: its state stays
      }
      return;
    }
    if (replay != null) {
      if (feed == null) {
        replay.listed().remove(id);
      } else {
        replay.listed().put(id, feed);
      }
      return;
    }
    FeedPoller current = pollers.get(id);
    if (feed == null) {
      if (current != null) {
        pollers.remove(id);
        // The gauges go after the last poll, which would bring them back; the tombstones only if it ever published.
        CompletableFuture<Void> stopped = current.stop().thenRun(() -> forgotten.accept(id));
        removeStored(id, record.partition(), stopped.thenApply(done -> current.published()));
      }
      return;
    }
    if (current != null && current.feed().equals(feed)) {
      return;
    }
    if (current == null) {
      start(new FeedPoller(feed, record.partition(), FeedState.initial(id), shared));
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

  private void start(FeedPoller poller) {
    String id = poller.feed().id();
    pollers.put(id, poller);
    Removal removing = removals.get(id);
    if (removing == null) {
      poller.start();
    } else {
      // Listed again while its removal commits: start after it, or the removal would delete the new state.
      removing.committed().whenComplete((done, error) -> poller.start());
    }
  }

  /** Ends the replays of partitions read to their end (after a batch that may have had no record of them). */
  private void finishReplays() {
    for (TopicPartition partition : List.copyOf(replaying.keySet())) {
      if (consumer.position(partition) >= replaying.get(partition).end()) {
        finishReplay(partition);
      }
    }
  }

  /** Starts polling the feeds the replayed partition lists, and removes those that only their state remembers. */
  private void finishReplay(TopicPartition partition) {
    Replay replay = replaying.remove(partition);
    int removed = 0;
    for (Map.Entry<String, FeedState> stored : replay.states().entrySet()) {
      if (!replay.listed().containsKey(stored.getKey())) {
        removeStored(stored.getKey(), partition.partition(), CompletableFuture.completedFuture(true));
        removed++;
      }
    }
    replay.listed().forEach((id, feed) -> {
      if (feed != null) {
        FeedState state = replay.states().get(id);
        start(new FeedPoller(feed, partition.partition(), state == null ? FeedState.initial(id) : state, shared));
      }
    });
    if (removed > 0) {
      LOG.info("partition {} of feeds: removing the state and status of {} feeds no longer listed", partition.partition(), removed);
    }
  }

  /** Publishes the removal of a feed's state and status once {@code stored} says whether it has any. */
  private void removeStored(String id, int partition, CompletableFuture<Boolean> stored) {
    CompletableFuture<Void> committed = stored.thenCompose(any -> !any
        ? CompletableFuture.<Void>completedFuture(null) // never polled: nothing of it on Kafka
        : publisher.publishRemoval(id).thenRun(() -> LOG.info("feed {} left the list: its state and status are removed", id)));
    Removal removal = new Removal(partition, committed);
    removals.put(id, removal);
    committed.whenComplete((done, error) -> {
      removals.remove(id, removal);
      if (error != null) {
        LOG.info("feed {} left the list; removing its state and status did not commit ({}): its owner does it after the rebalance",
            id, error.getMessage());
      }
    });
  }

  private record Removal(int partition, CompletableFuture<Void> committed) {
  }

  /**
   * What a partition's replay found: the states restored, the definitions read so far (an unreadable one as
   * null: listed, but not polled), and where the replay ends.
   */
  private record Replay(long end, Map<String, FeedState> states, Map<String, FeedDefinition> listed) {
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    long began = System.nanoTime();
    int states = 0;
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition partition : partitions) {
      Map<String, FeedState> read = restorer.restore(List.of(partition));
      replaying.put(partition, new Replay(ends.get(partition), read, new HashMap<>()));
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
    List<CompletableFuture<Void>> removing = removals.values().stream().filter(r -> numbers.contains(r.partition()))
        .map(Removal::committed).toList();
    stopAll(leaving, removing);
    leaving.forEach(poller -> forgotten.accept(poller.feed().id()));
    partitions.forEach(positions::remove);
    partitions.forEach(replaying::remove);
    LOG.info("ingest released partitions {} of feeds ({} feeds)", numbers.stream().sorted().toList(), leaving.size());
  }

  /** Stops the pollers and waits (bounded) for their polls in flight and for {@code removing} to be committed or given up. */
  private void stopAll(Collection<FeedPoller> stopping, List<CompletableFuture<Void>> removing) {
    List<CompletableFuture<Void>> inFlight = new ArrayList<>(removing);
    stopping.forEach(poller -> inFlight.add(poller.stop()));
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
