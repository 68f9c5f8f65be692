package io.eurus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format: each topic has a golden sample that must read into its record type and
 * write back to the same JSON. A change that breaks a sample breaks every consumer of that topic.
 */
class GoldenMessagesTest {

  static Stream<Topic<?, ?>> topics() {
    return Topics.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void goldenSampleSurvivesRoundTripUnchanged(Topic<?, ?> topic) throws IOException {
    byte[] golden = golden(topic);

    Object value = topic.valueSerde().deserializer().deserialize(topic.name(), golden);
    byte[] written = serialize(topic, value);

    JsonNode expected = Json.mapper().readTree(golden);
    assertThat(Json.mapper().readTree(written)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void goldenSampleCarriesItsSchemaVersion(Topic<?, ?> topic) throws IOException {
    assertThat(Json.mapper().readTree(golden(topic)).path("schemaVersion").asInt()).isEqualTo(1);
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() {
    byte[] newer = "{\"schemaVersion\":2,\"id\":\"x\",\"revision\":1,\"sentiment\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8);

    Article read = Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", newer);

    assertThat(read.id()).isEqualTo("x");
    assertThat(read.schemaVersion()).isEqualTo(2);
  }

  @Test
  void enrichedArticleWrittenBeforeToneSourceStillReadsWithoutOne() throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode older =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(golden(Topics.ARTICLES_ENRICHED));
    older.remove("toneSource");

    EnrichedArticle read = Topics.ARTICLES_ENRICHED.valueSerde().deserializer()
        .deserialize(Topics.ARTICLES_ENRICHED.name(), Json.mapper().writeValueAsBytes(older));

    assertThat(read.toneSource()).isNull();
    assertThat(read.tone()).isEqualTo(-0.62);
  }

  @Test
  void truncatedJsonFailsWithOneLineReasonNamingTypeAndTopic() {
    byte[] broken = "{\"schemaVersion\":1,\"id\":".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", broken))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("not a Article on articles: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void topicNamesAreUnique() {
    assertThat(Topics.ALL.stream().map(Topic::name)).doesNotHaveDuplicates();
  }

  @SuppressWarnings("unchecked")
  private static <V> byte[] serialize(Topic<?, V> topic, Object value) {
    return topic.valueSerde().serializer().serialize(topic.name(), (V) value);
  }

  private static byte[] golden(Topic<?, ?> topic) throws IOException {
    try (InputStream in = GoldenMessagesTest.class.getResourceAsStream("/golden/" + topic.name() + ".json")) {
      assertThat(in).as("golden sample golden/%s.json", topic.name()).isNotNull();
      return in.readAllBytes();
    }
  }
}
