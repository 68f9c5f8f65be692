package io.eurus.alerts.delivery;

import io.eurus.alerts.channel.DeliveryException;
import io.eurus.alerts.desk.Mutes;
import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of {@code alerts} for one channel, in its own consumer group and thread: Kafka keeps each
 * channel's offsets apart, so a channel that is down holds back only itself, and a restart resumes each
 * channel exactly where it stopped.
 *
 * <p>An offset is committed only once every alert before it is settled: delivered, dead-lettered with the
 * reason, or not for this channel. On assignment the lane re-reads the last cool-down's worth of records
 * it had already settled, without delivering them, to rebuild its {@link Throttle}: the restarted service
 * throttles exactly as the stopped one would have.
 */
public abstract class Lane implements AutoCloseable {

  /** What every lane of a service shares. */
  /** @param mutes the desk's mutes in force: what they cover is not delivered, as if not routed here */
  public record Context(String bootstrapServers, String groupPrefix, DeadLetters deadLetters, Mutes mutes,
      MeterRegistry metrics, Clock clock) {
  }

  static final Logger LOG = LoggerFactory.getLogger(Lane.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int MAX_POLL_RECORDS = 20;
  private static final int THROTTLE_KEYS = 50_000;

  final ChannelPlan plan;
  final Context context;
  private final Routing routing;
  private final String lane;
  private final Throttle throttle;
  private final KafkaConsumer<String, Alert> consumer;
  private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final Counter delivered;
  private final Counter deadLettered;
  private final Counter throttled;
  private final Timer latency;
  private volatile boolean running;
  private volatile boolean failed;
  private Thread thread;

  Lane(String lane, ChannelPlan plan, Routing routing, Context context) {
    this.lane = lane;
    this.plan = plan;
    this.routing = routing;
    this.context = context;
    this.throttle = new Throttle(plan.cooldown(), THROTTLE_KEYS);
    Map<String, Object> config = KafkaClients.consumerConfig(context.bootstrapServers(), groupId(), "eurus-alerts-" + plan.name() + "-" + lane);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    // After a crash, another instance (or the restarted one) takes over the channel within 10 s, not 45.
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    // A lane may spend a whole retry budget on each record of a batch before it polls again.
    long budget = MAX_POLL_RECORDS * plan.retry().worstCase().toMillis() + 60_000;
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, Math.max(300_000, budget)));
    this.consumer = KafkaClients.consumer(Topics.ALERTS, config);
    MeterRegistry metrics = context.metrics();
    this.delivered = metrics.counter("eurus_alerts_delivered", "channel", plan.name(), "lane", lane);
    this.deadLettered = metrics.counter("eurus_alerts_dead_lettered", "channel", plan.name(), "lane", lane);
    this.throttled = metrics.counter("eurus_alerts_throttled", "channel", plan.name(), "lane", lane);
    this.latency = Timer.builder("eurus_alerts_delivery_latency").description("From the alert's record time to its delivery")
        .tags("channel", plan.name(), "lane", lane).publishPercentiles(0.5, 0.99).register(metrics);
  }

  /** The consumer group: one per channel and lane, named after the channel. */
  String groupId() {
    return context.groupPrefix() + "." + plan.name() + ("now".equals(lane) ? "" : "." + lane);
  }

  public void start() {
    running = true;
    thread = new Thread(this::run, "eurus-alerts-" + plan.name() + "-" + lane);
    thread.start();
  }

  public boolean healthy() {
    return !failed && thread != null && thread.isAlive();
  }

  /** Whether this lane, rather than the channel's other one, takes the alert published at {@code at}. */
  abstract boolean takes(Alert alert, Instant at);

  /** Takes an alert routed here and let through by the throttle; false when the lane stops before it settled. */
  abstract boolean accept(ConsumerRecord<String, Alert> record);

  /** Marks an offset as needing nothing more from this lane. */
  abstract void settled(TopicPartition partition, long offset);

  /** The next offset to commit per partition: everything before it is settled. */
  abstract Map<TopicPartition, Long> positions();

  /** Called after each poll, also when it returned nothing. */
  void afterPoll() {
  }

  void revoked(Collection<TopicPartition> partitions) {
  }

  /** Whether this lane writes unreadable records to alerts.dlq (one lane per channel does). */
  abstract boolean reportsUnreadable();

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
      while (running) {
        try {
          for (ConsumerRecord<String, Alert> record : consumer.poll(POLL)) {
            if (!running || !handle(record)) {
              break; // stopping: what is not settled stays uncommitted and is delivered after the restart
            }
          }
          afterPoll();
          commit(false);
        } catch (RecordDeserializationException e) {
          if (reportsUnreadable()) {
            context.deadLetters().unreadable(e, plan.name());
          }
          consumer.seek(e.topicPartition(), e.offset() + 1);
          settled(e.topicPartition(), e.offset());
        }
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("{}: delivery lane '{}' stopped: {}", plan.name(), lane, e.toString());
    } finally {
      try {
        finalCommit();
      } catch (RuntimeException e) {
        LOG.warn("{}: last commit failed ({}); the uncommitted alerts are delivered again after a restart", plan.name(), e.toString());
      }
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean handle(ConsumerRecord<String, Alert> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Alert alert = record.value();
    Instant at = Instant.ofEpochMilli(record.timestamp());
    boolean replay = record.offset() < replayUntil.getOrDefault(partition, -1L);
    if (alert == null || !routing.routes(alert, plan.name()) || !takes(alert, at)
        || context.mutes().muted(alert, context.clock().instant())) {
      if (!replay) {
        settled(partition, record.offset());
      }
      return true;
    }
    Throttle.Decision decision = throttle.decide(alert, at);
    if (replay) {
      return true;
    }
    if (decision != Throttle.Decision.SEND) {
      throttled.increment();
      LOG.debug("{}: {} not sent ({})", plan.name(), alert.id(), decision);
      settled(partition, record.offset());
      return true;
    }
    return accept(record);
  }

  /** What to deliver, once: one alert, or a digest. */
  interface Delivery {
    void run() throws DeliveryException;
  }

  /**
   * Delivers with retries (exponential backoff with jitter), then dead-letters every record with the last
   * reason. Returns false when the lane stops before the delivery settled.
   */
  boolean deliver(Delivery delivery, List<ConsumerRecord<String, Alert>> records, String what) {
    String reason = "";
    int attempts = plan.retry().maxAttempts();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        delivery.run();
        Instant now = context.clock().instant();
        for (ConsumerRecord<String, Alert> record : records) {
          delivered.increment();
          latency.record(Duration.between(Instant.ofEpochMilli(record.timestamp()), now));
        }
        return true;
      } catch (DeliveryException e) {
        reason = e.getMessage();
        LOG.warn("{}: {} attempt {}/{} failed: {}", plan.name(), what, attempt, attempts, reason);
      }
      if (attempt < attempts && !pause(plan.retry().backoff(attempt))) {
        return false;
      }
    }
    for (ConsumerRecord<String, Alert> record : records) {
      String value = new String(Topics.ALERTS.valueSerde().serializer().serialize(record.topic(), record.value()), StandardCharsets.UTF_8);
      context.deadLetters().undeliverable(record, value, plan.name(), plan.name() + ": " + reason + " after " + attempts
          + (attempts == 1 ? " attempt" : " attempts"), attempts);
      deadLettered.increment();
    }
    return true;
  }

  /** Waits between attempts, waking early when the lane stops; returns whether to go on. */
  private boolean pause(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    try {
      while (running && System.nanoTime() < until) {
        Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      }
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void pauseConsumption(boolean pause) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (pause) {
      consumer.pause(assigned);
    } else {
      consumer.resume(assigned);
    }
  }

  // close() may have left a wakeup pending, which the first blocking call consumes by throwing.
  private void finalCommit() {
    try {
      commit(true);
    } catch (WakeupException e) {
      commit(true);
    }
  }

  private void commit(boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> changed = new HashMap<>();
    Set<TopicPartition> assigned = consumer.assignment();
    positions().forEach((partition, offset) -> {
      // A synchronous commit repeats every position: an earlier asynchronous one may have failed.
      if (assigned.contains(partition) && (sync || !offset.equals(committed.get(partition)))) {
        changed.put(partition, new OffsetAndMetadata(offset));
      }
    });
    if (changed.isEmpty()) {
      return;
    }
    if (sync) {
      consumer.commitSync(changed);
    } else {
      consumer.commitAsync(changed, (offsets, error) -> {
        if (error != null) {
          LOG.debug("{}: commit failed, the next one covers it: {}", plan.name(), error.toString());
        }
      });
    }
    changed.forEach((partition, offset) -> committed.put(partition, offset.offset()));
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit(true);
      revoked(partitions);
      partitions.forEach(committed::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> offsets = consumer.committed(Set.copyOf(partitions));
      Map<TopicPartition, Long> since = new HashMap<>();
      long from = context.clock().millis() - plan.cooldown().toMillis();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = offsets.get(partition);
        if (offset != null) {
          committed.put(partition, offset.offset());
          since.put(partition, from);
        }
      }
      if (since.isEmpty() || plan.cooldown().isZero()) {
        return;
      }
      for (Map.Entry<TopicPartition, OffsetAndTimestamp> start : consumer.offsetsForTimes(since).entrySet()) {
        long resumeAt = offsets.get(start.getKey()).offset();
        if (start.getValue() != null && start.getValue().offset() < resumeAt) {
          replayUntil.put(start.getKey(), resumeAt);
          consumer.seek(start.getKey(), start.getValue().offset());
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      consumer.wakeup();
      try {
        thread.join(Duration.ofSeconds(15).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
