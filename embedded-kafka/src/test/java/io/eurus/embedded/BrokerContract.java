package io.eurus.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * What Eurus needs from any Kafka broker: its topics with the right cleanup policy, and typed records
 * that go in and come out unchanged. Run against the embedded broker and, where Docker exists, a container.
 */
abstract class BrokerContract {

  protected abstract String bootstrapServers();

  private KafkaConnection kafka() {
    return KafkaConnection.to(bootstrapServers());
  }

  @Test
  void topicsAreCreatedWithTheirCleanupPolicy() throws Exception {
    TopicAdmin.ensureTopics(kafka(), Topics.ALL, 3);

    try (var admin = KafkaClients.admin(kafka(), Duration.ofSeconds(10))) {
      var feeds = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDS.name());
      var articles = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES.name());
      Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs =
          admin.describeConfigs(List.of(feeds, articles)).all().get();

      assertThat(configs.get(feeds).get("cleanup.policy")).extracting(ConfigEntry::value).isEqualTo("compact");
      assertThat(configs.get(articles).get("cleanup.policy")).extracting(ConfigEntry::value).isEqualTo("delete");
    }
  }

  @Test
  void typedRecordsGoInAndComeOutUnchanged() throws Exception {
    TopicAdmin.ensureTopics(kafka(), Topics.ALL, 3);
    String key = "RULE_MATCH:contract:" + UUID.randomUUID();
    Alert sent = Alert.builder()
        .id(Alert.idOf(key, 1))
        .key(key)
        .revision(1)
        .type(AlertType.RULE_MATCH)
        .severity(Severity.HIGH)
        .title("title")
        .summary("summary")
        .at(Instant.parse("2026-11-20T10:00:00Z"))
        .created(Instant.parse("2026-11-20T10:00:01Z"))
        .bloc("eu-media")
        .articles(List.of())
        .build();

    try (var producer = new EventProducer(KafkaClients.producerConfig(kafka(), "contract"));
         var probe = new TopicProbe<>(bootstrapServers(), Topics.ALERTS)) {
      producer.send(Topics.ALERTS, key, sent).get();

      var records = probe.readUntil(seen -> seen.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20));

      assertThat(records).filteredOn(r -> key.equals(r.key())).extracting(r -> r.value()).containsExactly(sent);
    }
  }
}
