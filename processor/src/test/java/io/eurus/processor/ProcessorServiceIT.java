package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.embedded.testing.SharedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Json;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.CommonSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on a real broker, exactly-once: a broken record lands in articles.dlq with its reason, the good
 * one after it is enriched and raises its alert, and the stream keeps running.
 */
class ProcessorServiceIT {

  @TempDir
  Path state;

  @Test
  void brokenRecordGoesToTheDeadLetterTopicAndTheNextArticleIsProcessed() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    TopicAdmin.ensureTopics(KafkaConnection.to(bootstrap), Topics.ALL, 1);
    ProcessorSettings settings = new ProcessorSettings(Map.of(
        CommonSettings.BOOTSTRAP_SERVERS, bootstrap,
        ProcessorSettings.APPLICATION_ID, "processor-it-" + UUID.randomUUID(),
        ProcessorSettings.STATE_DIR, state.toString()));
    String bad = "it-bad-" + UUID.randomUUID();
    String good = "it-good-" + UUID.randomUUID();
    try (var dlq = new TopicProbe<>(bootstrap, Topics.ARTICLES_DLQ);
         var enriched = new TopicProbe<>(bootstrap, Topics.ARTICLES_ENRICHED);
         var alerts = new TopicProbe<>(bootstrap, Topics.ALERTS);
         ProcessorService service = new ProcessorService(settings, new Ops())) {
      service.start();
      try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), bytes(bad), bytes("{\"schemaVersion\":1,\"id\":"))).get();
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), bytes(good), Json.mapper().writeValueAsBytes(
            Fixtures.article(good, "ru", "ЕС продлил санкции против России", "Совет ЕС продлил ограничительные меры.")))).get();
      }

      var letters = dlq.readUntil(seen -> seen.stream().anyMatch(r -> bad.equals(r.key())), Duration.ofSeconds(60));
      var out = enriched.readUntil(seen -> seen.stream().anyMatch(r -> good.equals(r.key())), Duration.ofSeconds(30));
      var raised = alerts.readUntil(seen -> seen.stream().anyMatch(r -> r.key().endsWith(good)), Duration.ofSeconds(30));

      assertThat(letters).filteredOn(r -> bad.equals(r.key())).singleElement()
          .satisfies(r -> assertThat(r.value().reason()).startsWith("not a Article on articles"));
      assertThat(out).filteredOn(r -> good.equals(r.key())).singleElement()
          .satisfies(r -> assertThat(r.value().tone()).isNegative());
      assertThat(raised).filteredOn(r -> r.key().endsWith(good)).extracting(r -> r.value().rule().id()).contains("sanctions");
      assertThat(service.healthy()).isTrue();
    }
  }

  @Test
  void aRulesFileSavedEmptyRaisesRulesProblemToTheDeskAndItsFixEndsIt() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    TopicAdmin.ensureTopics(SharedKafka.connection(), Topics.ALL, 1);
    Path rules = java.nio.file.Files.writeString(state.resolve("rules-" + UUID.randomUUID() + ".yaml"),
        "rules:\n  - {id: sanctions, name: Sanctions, query: 'sanction*'}\n");
    ProcessorSettings settings = new ProcessorSettings(Map.of(
        CommonSettings.BOOTSTRAP_SERVERS, bootstrap,
        ProcessorSettings.APPLICATION_ID, "processor-it-" + UUID.randomUUID(),
        ProcessorSettings.STATE_DIR, state.resolve("streams").toString(),
        ProcessorSettings.RULES_FILE, rules.toString(),
        ProcessorSettings.RULES_RELOAD_SECONDS, "1"));
    String key = io.eurus.events.AlertType.RULES_PROBLEM + ":" + rules + ":";
    try (var alerts = new TopicProbe<>(bootstrap, Topics.ALERTS);
         ProcessorService service = new ProcessorService(settings, new Ops())) {
      service.start();

      java.nio.file.Files.writeString(rules, "rules: []\n"); // a half-done edit
      var opened = alerts.readUntil(seen -> seen.stream().anyMatch(r -> r.key().startsWith(key)), Duration.ofSeconds(30));
      java.nio.file.Files.writeString(rules, "rules:\n  - {id: sanctions, name: Sanctions, query: 'sanction*'}\n");
      var fixed = alerts.readUntil(seen -> seen.stream().anyMatch(r -> r.key().startsWith(key) && r.value().revision() == 2),
          Duration.ofSeconds(30));

      assertThat(opened).filteredOn(r -> r.key().startsWith(key)).singleElement().satisfies(r -> {
        assertThat(r.value().severity()).isEqualTo(io.eurus.events.Severity.HIGH);
        assertThat(r.value().summary()).contains(rules + " holds no usable rule", "The 1 rules read before stay in force");
      });
      assertThat(fixed).filteredOn(r -> r.key().startsWith(key)).extracting(r -> r.value().revision() + " " + r.value().title())
          .containsExactly("1 Rules file problem: the previous rules stay in force", "2 Rules file fixed: 1 rules in force");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
