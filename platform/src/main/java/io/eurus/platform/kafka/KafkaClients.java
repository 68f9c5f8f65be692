package io.eurus.platform.kafka;

import io.eurus.events.Topic;
import io.eurus.platform.StartupException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The Kafka client settings every service shares, in one place. */
public final class KafkaClients {

  private KafkaClients() {
  }

  /** Producer settings for "nothing lost, nothing twice": idempotent, acknowledged by all in-sync replicas. */
  public static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return config;
  }

  /** Consumer settings for at-least-once: offsets are committed by the caller after the work is done. */
  public static Map<String, Object> consumerConfig(String bootstrapServers, String groupId, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Only read what producers committed (the processor writes alerts in transactions).
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  /** A consumer that reads one topic's records with that topic's types. */
  public static <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic, Map<String, Object> config) {
    return new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  public static Admin admin(String bootstrapServers, Duration timeout) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "eurus-admin");
    int millis = (int) Math.max(1_000, timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return Admin.create(config);
  }

  /**
   * Waits until a broker at {@code bootstrapServers} answers, or fails with a one-line reason naming the
   * address: the first thing every service does, so a wrong address is reported at once and plainly.
   */
  public static void awaitBroker(String bootstrapServers, Duration timeout) {
    try (Admin admin = admin(bootstrapServers, timeout)) {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException("cannot reach Kafka at " + bootstrapServers + " within " + timeout.toSeconds()
          + " s (check --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while waiting for Kafka at " + bootstrapServers);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new StartupException("cannot use Kafka address '" + bootstrapServers + "': " + e.getMessage());
    }
  }
}
