package io.eurus.alerts;

import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.alerts.channel.WebhookChannel.DeliveryException;
import io.eurus.alerts.dashboard.Dashboard;
import io.eurus.events.Alert;
import io.eurus.events.DeadLetter;
import io.eurus.events.Topics;
import io.eurus.platform.Service;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.ops.Ops;
import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code alerts}, shows each on the dashboard and delivers it to the webhook. An alert's offset is
 * committed only after it was delivered or, when the receiver never took it, written to {@code alerts.dlq}
 * with the reason: nothing is forgotten before it is safe.
 */
public final class AlertsService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration MAX_RETRY = Duration.ofSeconds(10);

  private final AlertsSettings settings;
  private final Clock clock;
  private final RecentAlerts recent = new RecentAlerts(500);
  private final Counter delivered;
  private final Counter deadLettered;
  private final WebhookChannel webhook;
  private final Dashboard dashboard;
  private volatile boolean running;
  private KafkaConsumer<String, Alert> consumer;
  private EventProducer producer;
  private Thread loop;

  public AlertsService(AlertsSettings settings, Ops ops, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.delivered = ops.registry().counter("eurus_alerts_delivered", "channel", "webhook");
    this.deadLettered = ops.registry().counter("eurus_alerts_dead_lettered", "channel", "webhook");
    this.webhook = settings.webhookUrl().isEmpty() ? null : new WebhookChannel("webhook", settings.webhookUrl());
    this.dashboard = new Dashboard(settings.dashboardHost(), settings.dashboardPort(), recent);
  }

  @Override
  public String name() {
    return "alerts";
  }

  /** The dashboard's actual port (useful when configured as 0). */
  public int dashboardPort() {
    return dashboard.port();
  }

  @Override
  public void start() {
    dashboard.start();
    producer = new EventProducer(KafkaClients.producerConfig(settings.bootstrapServers(), "eurus-alerts"));
    consumer = KafkaClients.consumer(Topics.ALERTS,
        KafkaClients.consumerConfig(settings.bootstrapServers(), settings.groupId(), "eurus-alerts"));
    consumer.subscribe(List.of(Topics.ALERTS.name()));
    running = true;
    loop = new Thread(this::consume, "eurus-alerts-consumer");
    loop.start();
    LOG.info("Alerts started: dashboard at http://{}:{}/, webhook {}", settings.dashboardHost(), dashboard.port(),
        webhook == null ? "off" : "on");
  }

  private void consume() {
    try {
      while (running) {
        try {
          for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
            if (!handle(record)) {
              return; // stopping mid-delivery: the alert stays uncommitted and is delivered after restart
            }
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1)));
          }
        } catch (RecordDeserializationException e) {
          deadLetterUnreadable(e);
        }
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException e) {
      LOG.error("alerts consumer stopped: {}", e.toString());
      running = false;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Returns false when the service is stopping before the alert was settled. */
  private boolean handle(ConsumerRecord<String, Alert> record) {
    Alert alert = record.value();
    if (alert == null) {
      return true;
    }
    recent.add(alert);
    if (webhook == null) {
      return true;
    }
    Duration wait = FIRST_RETRY;
    String reason = "";
    for (int attempt = 1; attempt <= settings.webhookMaxAttempts(); attempt++) {
      try {
        webhook.deliver(alert);
        delivered.increment();
        return true;
      } catch (DeliveryException e) {
        reason = e.getMessage();
        LOG.warn("alert {} to {}: attempt {} failed: {}", alert.id(), webhook.name(), attempt, reason);
      }
      if (attempt < settings.webhookMaxAttempts() && !sleep(wait)) {
        return false;
      }
      wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
    }
    deadLetter(new DeadLetter(DeadLetter.SCHEMA_VERSION, record.topic(), record.partition(), record.offset(),
        record.key(), new String(Topics.ALERTS.valueSerde().serializer().serialize(record.topic(), alert), StandardCharsets.UTF_8),
        webhook.name() + ": " + reason + " after " + settings.webhookMaxAttempts() + " attempts", webhook.name(),
        settings.webhookMaxAttempts(), clock.instant()));
    return true;
  }

  private void deadLetterUnreadable(RecordDeserializationException e) {
    TopicPartition partition = e.topicPartition();
    deadLetter(new DeadLetter(DeadLetter.SCHEMA_VERSION, partition.topic(), partition.partition(), e.offset(),
        text(e.keyBuffer()), text(e.valueBuffer()), e.getMessage(), null, 1, clock.instant()));
    consumer.seek(partition, e.offset() + 1);
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(e.offset() + 1)));
  }

  // The dead letter must be stored before the offset moves on; if even that fails, stop rather than lose it.
  private void deadLetter(DeadLetter letter) {
    try {
      producer.send(Topics.ALERTS_DLQ, letter.key(), letter).get();
      deadLettered.increment();
      LOG.warn("alert at {}-{}@{} sent to {}: {}", letter.topic(), letter.partition(), letter.offset(),
          Topics.ALERTS_DLQ.name(), letter.reason());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + Topics.ALERTS_DLQ.name(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + Topics.ALERTS_DLQ.name() + ": " + e.getCause().getMessage(), e);
    }
  }

  private static String text(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Waits between attempts, waking early when the service stops; returns whether to go on. */
  private boolean sleep(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    try {
      while (running && System.nanoTime() < until) {
        Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      }
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean healthy() {
    return running && loop != null && loop.isAlive();
  }

  @Override
  public void close() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (loop != null) {
      try {
        loop.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close();
    }
    dashboard.close();
  }
}
