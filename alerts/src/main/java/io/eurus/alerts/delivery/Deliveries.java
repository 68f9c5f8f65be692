package io.eurus.alerts.delivery;

import io.eurus.alerts.channel.DeliveryException;
import io.eurus.alerts.routing.Retry;
import io.eurus.events.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A lane's deliveries in progress: up to {@code concurrency} at once and one at a time per alert key, so the
 * updates of one alert reach the channel in order while other alerts go past a slow one. A delivery that fails
 * is tried again by its {@link Attempts} without holding a thread while it waits, until it succeeds or gives up
 * (then its {@link Listener} writes the dead letter).
 *
 * <p>The lane's consumer thread submits deliveries and collects their {@link Outcome}s; it never waits for a
 * delivery, so it goes on polling through a day-long outage (the consumer group neither times it out nor waits
 * for it in a rebalance). Only the consumer thread may call {@link #submit}, {@link #outcomes} and
 * {@link #abandon}.
 */
final class Deliveries implements AutoCloseable {

  /** How a delivery ended. ABANDONED: the lane stopped or lost the partition first; the alert is delivered again later. */
  enum Result { DELIVERED, DEAD_LETTERED, ABANDONED }

  /** The send itself: one alert, or a digest. */
  interface Work {
    void run() throws DeliveryException;
  }

  /** What the lane does as a delivery goes, on the delivering thread: the receipt, the dead letter, the log. */
  interface Listener {
    /** The channel took it; completes once that is recorded (the alert's offset may move on only then). */
    CompletableFuture<?> delivered(Job job, Instant at);

    /** Given up; returns once the dead letter is stored. */
    void deadLettered(Job job, String reason, int attempts);

    void retrying(Job job, String reason, int failures, Duration wait);

    /** Something other than the channel failed (the dead letter or the receipt could not be stored): the lane must stop. */
    void broken(RuntimeException error);
  }

  record Outcome(Job job, Result result) {
  }

  /** One delivery: the records it settles, under the alert key that orders it. */
  static final class Job {
    final String key;
    final List<ConsumerRecord<String, Alert>> records;
    final Set<TopicPartition> partitions = new LinkedHashSet<>();
    final Work work;
    final String what;
    private final Attempts attempts;
    private volatile boolean abandoned;
    private boolean running;
    private ScheduledFuture<?> next;

    Job(String key, List<ConsumerRecord<String, Alert>> records, Work work, String what, Retry retry, RandomGenerator random) {
      this.key = key;
      this.records = List.copyOf(records);
      this.work = work;
      this.what = what;
      this.attempts = new Attempts(retry, random);
      records.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
    }
  }

  private final String channel;
  private final int concurrency;
  private final Retry retry;
  private final Clock clock;
  private final RandomGenerator random;
  private final Listener listener;
  private final ScheduledThreadPoolExecutor pool;
  private final Map<String, ArrayDeque<Job>> byKey = new HashMap<>();
  private final ArrayDeque<String> waitingKeys = new ArrayDeque<>();
  private final Set<Job> active = new LinkedHashSet<>();
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  /** Deliveries done whose receipt is not stored yet: their slot is free, their outcome not posted. */
  private final Set<CompletableFuture<?>> recording = ConcurrentHashMap.newKeySet();
  private int unfinished;

  Deliveries(String channel, String threadName, int concurrency, Retry retry, Clock clock, RandomGenerator random, Listener listener) {
    this.channel = channel;
    this.concurrency = concurrency;
    this.retry = retry;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ScheduledThreadPoolExecutor(concurrency, runnable -> {
      Thread thread = new Thread(runnable, threadName + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.pool.setRemoveOnCancelPolicy(true);
  }

  Job job(String key, List<ConsumerRecord<String, Alert>> records, Work work, String what) {
    return new Job(key, records, work, what, retry, random);
  }

  synchronized void submit(Job job) {
    unfinished++;
    ArrayDeque<Job> queue = byKey.computeIfAbsent(job.key, k -> new ArrayDeque<>());
    queue.add(job);
    if (queue.size() == 1) {
      waitingKeys.add(job.key);
      fill();
    }
  }

  /** The deliveries that ended since the last call, in the order they ended. */
  List<Outcome> outcomes() {
    List<Outcome> ended = new ArrayList<>();
    for (Outcome outcome; (outcome = outcomes.poll()) != null; ) {
      ended.add(outcome);
    }
    return ended;
  }

  /** Deliveries submitted and not ended yet (waiting for their turn, being attempted, or waiting to retry). */
  synchronized int unfinished() {
    return unfinished;
  }

  /** Deliveries that failed at least once and have not ended yet: how many alerts an outage holds up. */
  synchronized int retrying() {
    return (int) active.stream().filter(job -> job.attempts.failures() > 0).count();
  }

  /**
   * Stops the deliveries that touch {@code partitions} (all when null) and waits, at most {@code timeout}, for
   * the attempts under way to end: each ends as delivered (it got through) or abandoned, never dead-lettered.
   */
  void abandon(Collection<TopicPartition> partitions, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      concerned(partitions).forEach(this::abandonJob);
      try {
        while (active.stream().anyMatch(job -> job.abandoned && job.running) && System.nanoTime() < deadline) {
          wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // What was delivered is settled once its receipt is stored and its outcome posted: wait for those too.
    try {
      CompletableFuture.allOf(recording.toArray(CompletableFuture[]::new))
          .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // reported by the receipt's own callback; what is not settled is delivered again after the restart
    }
  }

  private List<Job> concerned(Collection<TopicPartition> partitions) {
    List<Job> concerned = new ArrayList<>();
    byKey.values().forEach(queue -> queue.stream()
        .filter(job -> !job.abandoned && (partitions == null || job.partitions.stream().anyMatch(partitions::contains)))
        .forEach(concerned::add));
    return concerned;
  }

  private void abandonJob(Job job) {
    if (job.abandoned) {
      return;
    }
    job.abandoned = true;
    if (!active.contains(job)) {
      remove(job);
    } else if (!job.running) {
      job.next.cancel(false);
      finish(job, Result.ABANDONED);
    }
  }

  @Override
  public void close() {
    abandon(null, Duration.ofSeconds(30));
    pool.shutdownNow();
  }

  private void fill() {
    while (active.size() < concurrency && !waitingKeys.isEmpty()) {
      Job job = byKey.get(waitingKeys.poll()).peek();
      active.add(job);
      job.next = pool.schedule(() -> attempt(job), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void attempt(Job job) {
    synchronized (this) {
      if (job.abandoned || !active.contains(job)) {
        return;
      }
      job.running = true;
    }
    Instant started = clock.instant();
    Result result = null;
    Duration wait = null;
    CompletableFuture<?> recorded = null;
    try {
      job.work.run();
      recorded = listener.delivered(job, clock.instant());
      result = Result.DELIVERED;
    } catch (DeliveryException e) {
      if (job.abandoned) {
        result = Result.ABANDONED;
      } else {
        Attempts.Next next = job.attempts.failed(e, started, clock.instant());
        if (next.givesUp()) {
          listener.deadLettered(job, channel + ": " + next.reason(), job.attempts.failures());
          result = Result.DEAD_LETTERED;
        } else {
          wait = next.delay();
          listener.retrying(job, e.getMessage(), job.attempts.failures(), wait);
        }
      }
    } catch (RuntimeException e) {
      listener.broken(e);
      result = Result.ABANDONED;
    }
    synchronized (this) {
      job.running = false;
      if (result == null && job.abandoned) {
        result = Result.ABANDONED;
      }
      if (result == null) {
        job.next = pool.schedule(() -> attempt(job), wait.toMillis(), TimeUnit.MILLISECONDS);
      } else if (recorded != null) {
        // The slot goes to the next alert now; the outcome waits for the receipt (a few ms, batched by the producer).
        release(job);
        // Waiting for the callback's own future (not the receipt's) makes sure the outcome is posted when it completes.
        CompletableFuture<?> settled = recorded.whenComplete((stored, error) -> {
          if (error == null) {
            outcomes.add(new Outcome(job, Result.DELIVERED));
          } else {
            listener.broken(new IllegalStateException("cannot store the receipt of " + job.what + ": " + error.getMessage(), error));
          }
        });
        recording.add(settled);
        settled.whenComplete((done, error) -> recording.remove(settled));
      } else {
        finish(job, result);
      }
      notifyAll();
    }
  }

  /** An active job ended: its key's next job, or another key's, takes the slot. */
  private void finish(Job job, Result result) {
    release(job);
    outcomes.add(new Outcome(job, result));
  }

  private void release(Job job) {
    active.remove(job);
    unfinished--;
    ArrayDeque<Job> queue = byKey.get(job.key);
    queue.poll();
    if (queue.isEmpty()) {
      byKey.remove(job.key);
    } else {
      waitingKeys.add(job.key);
    }
    fill();
  }

  /** A job that never started leaves its key's queue. */
  private void remove(Job job) {
    ArrayDeque<Job> queue = byKey.get(job.key);
    boolean head = queue.peek() == job;
    queue.remove(job);
    unfinished--;
    outcomes.add(new Outcome(job, Result.ABANDONED));
    if (queue.isEmpty()) {
      byKey.remove(job.key);
      waitingKeys.remove(job.key);
    } else if (head && !waitingKeys.contains(job.key)) {
      waitingKeys.add(job.key);
    }
  }
}
