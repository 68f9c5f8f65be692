package io.eurus.alerts.testing;

import io.eurus.alerts.AlertsService;
import io.eurus.alerts.AlertsSettings;
import io.eurus.embedded.testing.GroupProgress;
import io.eurus.embedded.testing.SharedKafka;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.RuleRef;
import io.eurus.events.Severity;
import io.eurus.events.Topic;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the alerts service on the shared test broker with a routing file written by the test. Tests share
 * the {@code alerts} topic, so each run has its own consumer-group prefix whose groups start at the end of
 * the topic — as if they had delivered everything before — and each test uses alert keys of its own.
 */
public final class AlertsHarness {

  private AlertsHarness() {
  }

  public static String bootstrap() {
    return SharedKafka.bootstrapServers();
  }

  /** A unique prefix for one test's alert keys and consumer groups. */
  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Alert alert(String key, int revision, AlertType type, Severity severity, String title) {
    ArticleRef article = new ArticleRef("a-" + key.hashCode(), title, "https://news.example/" + Math.abs(key.hashCode()),
        "Test Wire", "eu-media", Instant.parse("2026-11-24T08:00:00Z"), "EU agrees new [[sanctions]] on shipping");
    return Alert.builder()
        .id(Alert.idOf(key, revision))
        .key(key)
        .revision(revision)
        .type(type)
        .severity(severity)
        .title(title)
        .summary("Rule 'Sanctions' matched an article from Test Wire.")
        .at(Instant.now())
        .created(Instant.now())
        .bloc("eu-media")
        .rule(type == AlertType.RULE_MATCH ? new RuleRef("sanctions", "Sanctions") : null)
        .articles(List.of(article))
        .build();
  }

  public static void publish(Alert... alerts) {
    try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(KafkaConnection.to(bootstrap()), "test-alerts"))) {
      for (Alert alert : alerts) {
        producer.send(Topics.ALERTS, alert.key(), alert).join();
      }
    }
  }

  public static <V> void publish(Topic<String, V> topic, String key, V value) {
    try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(KafkaConnection.to(bootstrap()), "test-" + topic.name()))) {
      producer.send(topic, key, value).join();
    }
  }

  /** Commits the end of {@code alerts} for each group, so a new group skips what other tests published. */
  public static void startAtEnd(String... groups) {
    try (Admin admin = KafkaClients.admin(KafkaConnection.to(bootstrap()), java.time.Duration.ofSeconds(30))) {
      var partitions = admin.describeTopics(List.of(Topics.ALERTS.name())).allTopicNames().get().get(Topics.ALERTS.name())
          .partitions().stream().map(p -> new TopicPartition(Topics.ALERTS.name(), p.partition())).toList();
      var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end.offset())));
      for (String group : groups) {
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot set the groups' offsets: " + e, e);
    }
  }

  /**
   * Waits until each group has committed the end of {@code alerts}: everything published so far is settled
   * (delivered, dead-lettered or not for the channel), so a duplicate would already have arrived.
   */
  public static void awaitSettled(String... groups) {
    GroupProgress.awaitCaughtUp(bootstrap(), Topics.ALERTS.name(), java.time.Duration.ofSeconds(30), groups);
  }

  /** Settings for a run: the shared broker, a free dashboard port, and {@code extra}. */
  public static AlertsSettings settings(String groupPrefix, Path routingFile, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(Map.of(
        "kafka.bootstrap.servers", bootstrap(),
        "alerts.group.id", groupPrefix,
        "dashboard.port", "0",
        "alerts.retry.initial.backoff.ms", "20",
        "alerts.retry.max.backoff.ms", "200"));
    if (routingFile != null) {
      values.put("alerts.routing.file", routingFile.toString());
    }
    values.putAll(extra);
    return new AlertsSettings(SettingsLoader.load(AlertsSettings.DEF, Map.of(), values));
  }

  public static Path routingFile(Path dir, String yaml) {
    try {
      return Files.writeString(dir.resolve("routing-" + UUID.randomUUID() + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the service with {@code env} as the environment its routing file reads secrets from. */
  public static AlertsService start(AlertsSettings settings, Map<String, String> env) {
    AlertsService service = new AlertsService(settings, settings.routing(env), new Ops(), Clock.systemUTC());
    service.start();
    return service;
  }
}
