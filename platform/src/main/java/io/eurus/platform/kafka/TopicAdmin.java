package io.eurus.platform.kafka;

import io.eurus.events.Topic;
import io.eurus.platform.StartupException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a service needs when they are missing, with their cleanup policy from {@link Topic}.
 * docker-compose creates them up front too; creating what exists is a no-op.
 */
public final class TopicAdmin {

  private TopicAdmin() {
  }

  public static void ensureTopics(KafkaConnection kafka, Collection<Topic<?, ?>> topics, int partitions) {
    try (Admin admin = KafkaClients.admin(kafka, Duration.ofSeconds(30))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream()
          .filter(topic -> !existing.contains(topic.name()))
          .map(topic -> newTopic(topic, partitions))
          .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var result : admin.createTopics(missing).values().entrySet()) {
        try {
          result.getValue().get();
        } catch (ExecutionException e) {
          // Another instance created it between list and create: that is what we wanted.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new StartupException("cannot create topic " + result.getKey() + ": " + e.getCause().getMessage());
          }
        }
      }
    } catch (ExecutionException e) {
      throw new StartupException("cannot list topics at " + kafka.bootstrapServers() + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while creating topics");
    }
  }

  private static NewTopic newTopic(Topic<?, ?> topic, int partitions) {
    // Replication factor left to the broker's default.replication.factor: 1 on a single node, more in production.
    NewTopic created = new NewTopic(topic.name(), Optional.of(partitions), Optional.empty());
    if (topic.compacted()) {
      created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return created;
  }
}
