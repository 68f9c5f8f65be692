package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.DeadLetter;
import io.eurus.events.Json;
import io.eurus.events.Topics;
import io.eurus.processor.detect.DetectorConfig;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * An undeserialisable record becomes a dead letter for articles.dlq with the reason, and the records after it are
 * processed. (TopologyTestDriver does not capture the dead-letter records Kafka Streams sends for a handler, so
 * the record itself is checked here and on a real broker in {@code ProcessorServiceIT}.)
 */
class DeadLettersTest {

  private static final byte[] BROKEN = "{\"schemaVersion\":1,\"id\":".getBytes(StandardCharsets.UTF_8);

  @Test
  void anUnreadableRecordBecomesADeadLetterWithItsReasonOnOneLine() {
    SerializationException error = assertThrowsOnRead();
    var response = new DeadLetters().handleError(context(), new ConsumerRecord<>("articles", 2, 41L,
        "a-bad".getBytes(StandardCharsets.UTF_8), BROKEN), error);

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
    assertThat(record.topic()).isEqualTo(Topics.ARTICLES_DLQ.name());
    DeadLetter letter = Topics.ARTICLES_DLQ.valueSerde().deserializer().deserialize("articles.dlq", record.value());
    assertThat(letter.topic()).isEqualTo("articles");
    assertThat(letter.partition()).isEqualTo(2);
    assertThat(letter.offset()).isEqualTo(41L);
    assertThat(letter.key()).isEqualTo("a-bad");
    assertThat(letter.value()).isEqualTo("{\"schemaVersion\":1,\"id\":");
    assertThat(letter.reason()).startsWith("not a Article on articles: ").doesNotContain("\n");
  }

  @Test
  void theStreamGoesOnAfterAnUnreadableRecord() throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    ProcessorTopology.build(builder, Fixtures.enricher(), DetectorConfig.bundled());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TopologyTestSupport.config())) {
      var raw = TopologyTestSupport.rawArticles(driver);
      raw.pipeInput("a-bad".getBytes(StandardCharsets.UTF_8), BROKEN);
      raw.pipeInput("a-ok".getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(
          Fixtures.article("a-ok", "en", "EU extends sanctions on Russia", "The Council agreed.")));

      assertThat(TopologyTestSupport.output(driver, Topics.ARTICLES_ENRICHED).readKeyValue().key).isEqualTo("a-ok");
      assertThat(TopologyTestSupport.output(driver, Topics.ALERTS).readValue().rule().id()).isEqualTo("sanctions");
    }
  }

  private static SerializationException assertThrowsOnRead() {
    try {
      Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", BROKEN);
    } catch (SerializationException e) {
      return e;
    }
    throw new AssertionError("the broken record was read");
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override public String topic() { return "articles"; }
      @Override public int partition() { return 2; }
      @Override public long offset() { return 41L; }
      @Override public Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return "articles"; }
      @Override public TaskId taskId() { return new TaskId(0, 2); }
      @Override public long timestamp() { return 0L; }
      @Override public byte[] sourceRawKey() { return "a-bad".getBytes(StandardCharsets.UTF_8); }
      @Override public byte[] sourceRawValue() { return BROKEN; }
    };
  }
}
