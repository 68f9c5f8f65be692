package io.eurus.platform.kafka;

import io.eurus.events.Topic;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaConnection.Kind;
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

/**
 * The Kafka client settings every service shares, in one place: Eurus' defaults under the operator's own client
 * settings ({@link KafkaConnection}).
 */
public final class KafkaClients {

  /** The client id of the start-up check, so its own log lines can be told apart (the failure is reported once, by it). */
  public static final String BROKER_CHECK_CLIENT_ID = "eurus-broker-check";

  private KafkaClients() {
  }

  /** Producer settings for "nothing lost, nothing twice": idempotent, acknowledged by all in-sync replicas. */
  public static Map<String, Object> producerConfig(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return kafka.config(Kind.PRODUCER, config);
  }

  /** Consumer settings for at-least-once: offsets are committed by the caller after the work is done. */
  public static Map<String, Object> consumerConfig(KafkaConnection kafka, String groupId, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Only read what producers committed (the processor writes alerts in transactions).
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return kafka.config(Kind.CONSUMER, config);
  }

  /** A consumer that reads one topic's records with that topic's types. */
  public static <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic, Map<String, Object> config) {
    return new KafkaConsumer<>(config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  public static Admin admin(KafkaConnection kafka, Duration timeout) {
    return admin(kafka, timeout, "eurus-admin");
  }

  private static Admin admin(KafkaConnection kafka, Duration timeout, String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    int millis = (int) Math.max(1_000, timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return Admin.create(kafka.config(Kind.ADMIN, config));
  }

  /**
   * Waits until a broker answers, or fails with a one-line reason naming the address: the first thing every
   * service does, so a wrong address, password or certificate is reported at once and plainly.
   */
  public static void awaitBroker(KafkaConnection kafka, Duration timeout) {
    String address = kafka.bootstrapServers();
    try (Admin admin = admin(kafka, timeout, BROKER_CHECK_CLIENT_ID)) {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unreachable(address, timeout);
    } catch (ExecutionException e) {
      String reason = ConnectionFailure.explain(e.getCause(), kafka);
      if (reason == null) {
        throw unreachable(address, timeout);
      }
      throw new StartupException("cannot reach Kafka at " + address + ": " + reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while waiting for Kafka at " + address);
    } catch (org.apache.kafka.common.KafkaException e) {
      // The client could not even be made: a bad address, or client settings it refuses (a keystore it cannot read).
      throw new StartupException("cannot use Kafka at '" + address + "': " + ConnectionFailure.explainSetup(e, kafka));
    }
  }

  private static StartupException unreachable(String address, Duration timeout) {
    return new StartupException("cannot reach Kafka at " + address + " within " + timeout.toSeconds()
        + " s (check --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS)");
  }
}
