package io.eurus.alerts.delivery;

import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.random.RandomGenerator;
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
 * reason, or not for this channel; the commit's metadata names what is settled past it (see {@link OffsetLedger}),
 * so a restart repeats nothing delivered past a slower alert. On assignment the lane re-reads the last cool-down's worth of records
 * it had already settled, without delivering them, to rebuild its {@link Throttle}: the restarted service
 * throttles exactly as the stopped one would have.
 */
public abstract class Lane implements AutoCloseable {

  /** What every lane of a service shares. */
  public record Context(KafkaConnection kafka, String groupPrefix, DeadLetters deadLetters, Receipts receipts, MeterRegistry metrics,
      Clock clock) {
  }

  static final Logger LOG = LoggerFactory.getLogger(Lane.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int MAX_POLL_RECORDS = 100;
  /** More unsettled alerts than this pause reading until some settle, to bound memory during an outage. */
  static final int MAX_BACKLOG = 1_000;
  /** How long a stop or a rebalance waits for the attempts under way (an HTTP attempt times out after 10 s). */
  private static final Duration FINISH_ATTEMPTS = Duration.ofSeconds(30);
  private static final int THROTTLE_KEYS = 50_000;

  final ChannelPlan plan;
  final Context context;
  private final Routing routing;
  private final String lane;
  private final Throttle throttle;
  private final KafkaConsumer<String, Alert> consumer;
  private final Map<TopicPartition, Long> replayUntil = new HashMap<>();
  /** What each partition's alerts need: the lanes open and settle, the commits come from it. */
  final OffsetLedger ledger = new OffsetLedger();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
  private final Counter delivered;
  private final Counter deadLettered;
  private final Counter throttled;
  private final Timer latency;
  final Deliveries deliveries;
  private volatile boolean running;
  private volatile boolean failed;
  private boolean paused;
  private Thread thread;

  Lane(String lane, ChannelPlan plan, Routing routing, Context context) {
    this.lane = lane;
    this.plan = plan;
    this.routing = routing;
    this.context = context;
    this.throttle = new Throttle(plan.cooldown(), THROTTLE_KEYS);
    Map<String, Object> config = KafkaClients.consumerConfig(context.kafka(), groupId(), "eurus-alerts-" + plan.name() + "-" + lane);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    // After a crash, another instance (or the restarted one) takes over the channel within 10 s, not 45.
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    // Deliveries run beside the consumer (see Deliveries): it polls every POLL whatever the channel does, so the
    // default max.poll.interval holds however long an outage lasts.
    this.consumer = KafkaClients.consumer(Topics.ALERTS, config);
    this.deliveries = new Deliveries(plan.name(), "eurus-alerts-" + plan.name() + "-" + lane, plan.concurrency(), plan.retry(),
        context.clock(), RandomGenerator.getDefault(), new Outcomes());
    MeterRegistry metrics = context.metrics();
    this.delivered = metrics.counter("eurus_alerts_delivered", "channel", plan.name(), "lane", lane);
    this.deadLettered = metrics.counter("eurus_alerts_dead_lettered", "channel", plan.name(), "lane", lane);
    this.throttled = metrics.counter("eurus_alerts_throttled", "channel", plan.name(), "lane", lane);
    this.latency = Timer.builder("eurus_alerts_delivery_latency").description("From the alert's record time to its delivery")
        .tags("channel", plan.name(), "lane", lane).publishPercentiles(0.5, 0.99).register(metrics);
    Gauge.builder("eurus_alerts_retrying", deliveries, Deliveries::retrying)
        .description("Alerts this channel failed to deliver at least once and is still retrying").tags("channel", plan.name(), "lane", lane)
        .register(metrics);
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

  /** Takes an alert routed here and let through by the throttle. */
  abstract void accept(ConsumerRecord<String, Alert> record);

  /** A delivery this lane submitted ended (on the consumer thread). */
  abstract void ended(Deliveries.Outcome outcome);

  /** Alerts taken and not settled yet: more than {@link #maxBacklog()} pause reading. */
  abstract int backlog();

  int maxBacklog() {
    return MAX_BACKLOG;
  }

  /** Called after each poll, also when it returned nothing, once the ended deliveries are counted. */
  void afterPoll() {
  }

  void revoked(Collection<TopicPartition> partitions) {
  }

  /** Whether this lane writes unreadable records to alerts.dlq (one lane per channel does). */
  abstract boolean reportsUnreadable();

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
      while (running && !failed) {
        try {
          for (ConsumerRecord<String, Alert> record : consumer.poll(POLL)) {
            handle(record);
          }
          collectOutcomes();
          afterPoll();
          flowControl();
          commit(false);
        } catch (RecordDeserializationException e) {
          if (reportsUnreadable()) {
            context.deadLetters().unreadable(e, plan.name());
          }
          consumer.seek(e.topicPartition(), e.offset() + 1);
          ledger.settle(e.topicPartition(), e.offset());
        }
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("{}: delivery lane '{}' stopped: {}", plan.name(), lane, e.toString());
    } finally {
      // Stopping: what is not settled stays uncommitted and is delivered after the restart.
      deliveries.abandon(null, FINISH_ATTEMPTS);
      collectOutcomes();
      try {
        finalCommit();
      } catch (RuntimeException e) {
        LOG.warn("{}: last commit failed ({}); the uncommitted alerts are delivered again after a restart", plan.name(), e.toString());
      }
      consumer.close(Duration.ofSeconds(5));
      deliveries.close();
    }
  }

  private void collectOutcomes() {
    deliveries.outcomes().forEach(this::ended);
  }

  private void flowControl() {
    boolean full = backlog() >= maxBacklog();
    if (full != paused) {
      pauseConsumption(full);
      paused = full;
    }
  }

  private void handle(ConsumerRecord<String, Alert> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Alert alert = record.value();
    Instant at = Instant.ofEpochMilli(record.timestamp());
    boolean replay = record.offset() < replayUntil.getOrDefault(partition, -1L);
    if (alert == null || !routing.routes(alert, plan.name()) || !takes(alert, at)) {
      if (!replay) {
        ledger.settle(partition, record.offset());
      }
      return;
    }
    Throttle.Decision decision = throttle.decide(alert, at);
    if (replay) {
      return;
    }
    if (ledger.settledBefore(partition, record.offset())) {
      // Delivered (or throttled) before the last stop, past an alert that was still under way then.
      ledger.settle(partition, record.offset());
      return;
    }
    if (decision != Throttle.Decision.SEND) {
      throttled.increment();
      LOG.debug("{}: {} not sent ({})", plan.name(), alert.id(), decision);
      ledger.settle(partition, record.offset());
      return;
    }
    accept(record);
  }

  /** Hands a delivery to the channel's workers; its end comes back through {@link #ended}. */
  void submit(String key, List<ConsumerRecord<String, Alert>> records, Deliveries.Work work, String what) {
    deliveries.submit(deliveries.job(key, records, work, what));
  }

  /** What the workers report, on their threads: metrics, receipts, dead letters. */
  private final class Outcomes implements Deliveries.Listener {

    @Override
    public java.util.concurrent.CompletableFuture<?> delivered(Deliveries.Job job, Instant at) {
      for (ConsumerRecord<String, Alert> record : job.records) {
        delivered.increment();
        latency.record(Duration.between(Instant.ofEpochMilli(record.timestamp()), at));
      }
      return context.receipts().record(plan.name(), job.records.stream().map(ConsumerRecord::value).toList(), false);
    }

    @Override
    public void deadLettered(Deliveries.Job job, String reason, int attempts) {
      for (ConsumerRecord<String, Alert> record : job.records) {
        String value = new String(Topics.ALERTS.valueSerde().serializer().serialize(record.topic(), record.value()), StandardCharsets.UTF_8);
        context.deadLetters().undeliverable(record, value, plan.name(), reason, attempts);
        deadLettered.increment();
      }
    }

    @Override
    public void retrying(Deliveries.Job job, String reason, int failures, Duration wait) {
      LOG.warn("{}: {} attempt {} failed: {}; next in {}", plan.name(), job.what, failures, reason, Durations.text(wait));
    }

    @Override
    public void broken(RuntimeException error) {
      failed = true;
      LOG.error("{}: delivery lane '{}' stops: {}", plan.name(), lane, error.getMessage());
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
    LOG.info("{}: lane '{}' stopped at {}", plan.name(), lane, describe(committed));
  }

  private static String describe(Map<TopicPartition, OffsetAndMetadata> offsets) {
    return offsets.isEmpty() ? "no offsets" : offsets.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
        .map(e -> e.getKey() + "@" + e.getValue().offset() + OffsetLedger.describePast(e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private void commit(boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> changed = new HashMap<>();
    Set<TopicPartition> assigned = consumer.assignment();
    ledger.commits().forEach((partition, offset) -> {
      // A synchronous commit repeats every position: an earlier asynchronous one may have failed.
      if (assigned.contains(partition) && (sync || !offset.equals(committed.get(partition)))) {
        changed.put(partition, offset);
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
    committed.putAll(changed);
  }

  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // The partitions' new owner delivers what is not settled here: stop those deliveries first.
      deliveries.abandon(partitions, FINISH_ATTEMPTS);
      collectOutcomes();
      commit(true);
      revoked(partitions);
      ledger.forget(partitions);
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
          committed.put(partition, offset);
          ledger.resume(partition, offset);
          since.put(partition, from);
        }
      }
      LOG.info("{}: lane '{}' resumes at {}", plan.name(), lane, describe(committed));
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
        thread.join(FINISH_ATTEMPTS.plusSeconds(15).toMillis()); // the attempts under way, then the last commit
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
