package io.eurus.alerts.delivery;

import io.eurus.events.DeadLetter;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a channel could not take to {@code alerts.dlq}, with the reason, and waits for the broker's
 * acknowledgement: only then may the lane move its offset past the alert.
 */
public final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final EventProducer producer;
  private final Clock clock;

  public DeadLetters(EventProducer producer, Clock clock) {
    this.producer = producer;
    this.clock = clock;
  }

  void undeliverable(ConsumerRecord<String, ?> record, String rawValue, String channel, String reason, int attempts) {
    write(new DeadLetter(DeadLetter.SCHEMA_VERSION, record.topic(), record.partition(), record.offset(), record.key(),
        rawValue, reason, channel, attempts, clock.instant()));
  }

  void unreadable(RecordDeserializationException e, String channel) {
    write(new DeadLetter(DeadLetter.SCHEMA_VERSION, e.topicPartition().topic(), e.topicPartition().partition(), e.offset(),
        text(e.keyBuffer()), text(e.valueBuffer()), e.getMessage(), channel, 1, clock.instant()));
  }

  // If even the dead letter cannot be stored, stop the lane rather than lose the alert.
  private void write(DeadLetter letter) {
    try {
      producer.send(Topics.ALERTS_DLQ, letter.key(), letter).get();
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
}
