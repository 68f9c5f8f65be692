package io.eurus.processor;

import io.eurus.events.Topic;
import io.eurus.events.Topics;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A {@link TopologyTestDriver} over the service's own configuration: exactly-once, dead letters and all. */
final class TopologyTestSupport {

  private TopologyTestSupport() {
  }

  static Properties config() {
    Properties config = ProcessorService.streamsConfig(new ProcessorSettings(java.util.Map.of(
        ProcessorSettings.APPLICATION_ID, "test-" + java.util.UUID.randomUUID(),
        io.eurus.platform.settings.CommonSettings.BOOTSTRAP_SERVERS, "unused:9092")));
    config.put("state.dir", System.getProperty("java.io.tmpdir") + "/eurus-ttd-" + java.util.UUID.randomUUID());
    return config;
  }

  static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, Topic<K, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  static TestInputTopic<byte[], byte[]> rawArticles(TopologyTestDriver driver) {
    return driver.createInputTopic(Topics.ARTICLES.name(), (t, b) -> b, (t, b) -> b);
  }
}
