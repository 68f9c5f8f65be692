package io.eurus.processor;

import io.eurus.events.DeadLetter;
import io.eurus.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the processor cannot read, or an article it fails on, go to {@code articles.dlq} as a
 * {@link DeadLetter} with the reason, and the stream goes on. Kafka Streams writes the dead letter in the same
 * transaction that moves the input offset on, so nothing is skipped without being kept.
 */
public final class DeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  @Override
  public void configure(Map<String, ?> configs) {
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
      ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn("unreadable record at {}-{}@{} sent to {}: {}", context.topic(), context.partition(), context.offset(),
        Topics.ARTICLES_DLQ.name(), oneLine(exception));
    return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, record.key(), record.value(), exception)));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    LOG.error("processing failed at {}-{}@{} ({}), record sent to {}: {}", context.topic(), context.partition(),
        context.offset(), context.processorNodeId(), Topics.ARTICLES_DLQ.name(), oneLine(exception));
    return ProcessingExceptionHandler.Response.resume(
        List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception)));
  }

  static ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
    String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
    DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, context.topic(), context.partition(), context.offset(),
        keyText, value == null ? null : new String(value, StandardCharsets.UTF_8), oneLine(exception), null, 1, Instant.now());
    return new ProducerRecord<>(Topics.ARTICLES_DLQ.name(), key,
        Topics.ARTICLES_DLQ.valueSerde().serializer().serialize(Topics.ARTICLES_DLQ.name(), letter));
  }

  private static String oneLine(Exception exception) {
    String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
