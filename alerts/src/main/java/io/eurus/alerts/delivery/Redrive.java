package io.eurus.alerts.delivery;

import io.eurus.alerts.channel.DeliveryException;
import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Retry;
import io.eurus.alerts.routing.Routing;
import io.eurus.events.Alert;
import io.eurus.events.DeadLetter;
import io.eurus.events.Topic;
import io.eurus.events.Topics;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code eurus alerts redrive}: sends the dead letters of {@code alerts.dlq} to their channel again, once each,
 * with their idempotency key unchanged. A dead letter whose alert the channel took after all (a later delivery
 * after a restart, an earlier redrive: both leave a receipt on {@code alerts.delivered}) is skipped, and so is a
 * second dead letter of the same alert; each one sent leaves its own receipt, so running it twice sends nothing
 * twice. A channel still failing is tried for {@code budget}; what fails stays in {@code alerts.dlq} for the next run.
 */
public final class Redrive {

  /** What a run did, per channel and overall. */
  public record Report(int resent, int alreadyTaken, int failed, int unreadable, List<String> failures) {
    public String summary() {
      return resent + " resent, " + alreadyTaken + " skipped (the channel already took them), " + failed + " failed"
          + (unreadable == 0 ? "" : ", " + unreadable + " not alerts (left as they are)");
    }
  }

  private final KafkaConnection kafka;
  private final Routing routing;
  private final Clock clock;
  private final Consumer<String> progress;

  public Redrive(KafkaConnection kafka, Routing routing, Clock clock, Consumer<String> progress) {
    this.kafka = kafka;
    this.routing = routing;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * @param channel only this channel's dead letters; null for every channel of the routing
   * @param since   only dead letters written at or after this time; null for all still kept
   * @param budget  how long each alert may be retried in this run
   */
  public Report run(String channel, Instant since, Duration budget) {
    Map<String, ChannelPlan> plans = channels(channel);
    Set<String> taken = new HashSet<>();
    read(Topics.ALERTS_DELIVERED, null, (record, receipt) -> taken.add(receipt.channel() + "\n" + receipt.alertId()));
    Map<String, DeadLetter> toSend = new LinkedHashMap<>();
    int[] unreadable = {0};
    int[] alreadyTaken = {0};
    read(Topics.ALERTS_DLQ, since, (record, letter) -> {
      if (!plans.containsKey(letter.target()) || !Topics.ALERTS.name().equals(letter.topic())) {
        return;
      }
      Alert alert = alert(letter);
      if (alert == null) {
        unreadable[0]++;
        return;
      }
      String id = letter.target() + "\n" + alert.id();
      if (taken.contains(id)) {
        alreadyTaken[0]++;
      } else {
        toSend.putIfAbsent(id, letter); // the same alert dead-lettered twice goes once
      }
    });
    int resent = 0;
    List<String> failures = new ArrayList<>();
    try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(kafka, "eurus-alerts-redrive"))) {
      Receipts receipts = new Receipts(producer, clock);
      for (DeadLetter letter : toSend.values()) {
        ChannelPlan plan = plans.get(letter.target());
        Alert alert = alert(letter);
        String failure = send(plan, alert, budget);
        if (failure == null) {
          receipts.delivered(plan.name(), List.of(alert), true);
          resent++;
          progress.accept(plan.name() + ": " + alert.id() + " resent");
        } else {
          failures.add(plan.name() + ": " + alert.id() + ": " + failure);
          progress.accept(plan.name() + ": " + alert.id() + " failed again: " + failure + " (left in " + Topics.ALERTS_DLQ.name() + ")");
        }
      }
    }
    return new Report(resent, alreadyTaken[0], failures.size(), unreadable[0], failures);
  }

  private Map<String, ChannelPlan> channels(String channel) {
    Map<String, ChannelPlan> plans = new HashMap<>();
    routing.channels().forEach(plan -> plans.put(plan.name(), plan));
    if (channel == null) {
      return plans;
    }
    if (!plans.containsKey(channel)) {
      throw new StartupException("no channel is named '" + channel + "' in the routing (channels: "
          + (plans.isEmpty() ? "none" : String.join(", ", plans.keySet().stream().sorted().toList())) + ")");
    }
    return Map.of(channel, plans.get(channel));
  }

  /** Sends with the channel's backoff for at most {@code budget}; null when it got through, else the last reason. */
  private String send(ChannelPlan plan, Alert alert, Duration budget) {
    Retry retry = new Retry(plan.retry().initial(), plan.retry().max(), budget);
    Attempts attempts = new Attempts(retry, new SplittableRandom());
    while (true) {
      Instant started = clock.instant();
      try {
        plan.channel().deliver(alert);
        return null;
      } catch (DeliveryException e) {
        Attempts.Next next = attempts.failed(e, started, clock.instant());
        if (next.givesUp()) {
          return next.reason();
        }
        try {
          Thread.sleep(next.delay().toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return "interrupted";
        }
      }
    }
  }

  private static Alert alert(DeadLetter letter) {
    try {
      return letter.value() == null ? null : Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(),
          letter.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Reads {@code topic} from {@code since} (or its beginning) up to its end as it is now. */
  private <V> void read(Topic<String, V> topic, Instant since, java.util.function.BiConsumer<ConsumerRecord<byte[], byte[]>, V> sink) {
    Map<String, Object> config = KafkaClients.consumerConfig(kafka, null, "eurus-alerts-redrive");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      consumer.seekToBeginning(partitions);
      if (since != null) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since.toEpochMilli()));
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> start : consumer.offsetsForTimes(times, Duration.ofSeconds(30)).entrySet()) {
          if (start.getValue() == null) {
            consumer.seek(start.getKey(), ends.get(start.getKey()));
          } else {
            consumer.seek(start.getKey(), start.getValue().offset());
          }
        }
      }
      while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          V value;
          try {
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
          } catch (RuntimeException e) {
            continue; // not one of ours: nothing to redrive
          }
          if (value != null) {
            sink.accept(record, value);
          }
        }
      }
    }
  }
}
