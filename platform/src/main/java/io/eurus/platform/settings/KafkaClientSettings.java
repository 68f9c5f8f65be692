package io.eurus.platform.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Kafka's own client settings passed through, the way Kafka Streams takes them: {@code kafka.NAME} for every client
 * Eurus makes, {@code kafka.producer.NAME}, {@code kafka.consumer.NAME}, {@code kafka.admin.NAME} or
 * {@code kafka.streams.NAME} for one kind (which wins). Each is read like any setting, from
 * {@code EURUS_KAFKA_…} or {@code --set}, and checked against the clients' definitions at start-up.
 */
public final class KafkaClientSettings {

  public static final String PREFIX = "kafka.";
  public static final String PRODUCER_PREFIX = "kafka.producer.";
  public static final String CONSUMER_PREFIX = "kafka.consumer.";
  public static final String ADMIN_PREFIX = "kafka.admin.";
  public static final String STREAMS_PREFIX = "kafka.streams.";

  /** Every per-kind prefix, whether or not a service has that kind of client. */
  static final List<String> KIND_PREFIXES = List.of(PRODUCER_PREFIX, CONSUMER_PREFIX, ADMIN_PREFIX, STREAMS_PREFIX);

  private static final ConfigDef PRODUCER = ProducerConfig.configDef();
  private static final ConfigDef CONSUMER = ConsumerConfig.configDef();
  private static final ConfigDef ADMIN = AdminClientConfig.configDef();

  /** What the clients themselves treat as secret (type PASSWORD): sasl.jaas.config, ssl.*.password, … */
  private static final Set<String> SECRETS = Stream.of(PRODUCER, CONSUMER, ADMIN)
      .flatMap(def -> def.configKeys().values().stream())
      .filter(key -> key.type == ConfigDef.Type.PASSWORD)
      .map(key -> key.name)
      .collect(Collectors.toUnmodifiableSet());

  private static final Map<String, String> ANY_CLIENT_OWNED = Map.of(
      "bootstrap.servers", "set kafka.bootstrap.servers (or KAFKA_BOOTSTRAP_SERVERS): every client reaches the same cluster",
      "key.serializer", "set by Eurus: each topic has its own serdes",
      "value.serializer", "set by Eurus: each topic has its own serdes",
      "key.deserializer", "set by Eurus: each topic has its own serdes",
      "value.deserializer", "set by Eurus: each topic has its own serdes");

  private static final Map<String, String> PRODUCER_OWNED = Map.of(
      "acks", "set by Eurus to all: a record counts as written once every in-sync replica has it",
      "enable.idempotence", "set by Eurus to true: a retried send is never written twice",
      "transactional.id", "set by Eurus: each ingest instance names its own transactions");

  private static final Map<String, String> CONSUMER_OWNED = Map.of(
      "group.id", "set ingest.group.id, alerts.group.id or processor.application.id",
      "enable.auto.commit", "set by Eurus to false: offsets are committed after the work is done, so nothing is skipped",
      "isolation.level", "set by Eurus to read_committed: only what producers committed is read",
      "auto.offset.reset", "set by Eurus to earliest: a new group starts from the oldest record, so nothing is skipped");

  private KafkaClientSettings() {
  }

  /** Adds the families every service has: all clients, producers, consumers, admin. */
  static ConfigDef define(ConfigDef def) {
    PassThrough everyClient = new PassThrough(PREFIX, List.of(new PassThrough.Scope("", List.of(PRODUCER, CONSUMER, ADMIN))),
        owned(PRODUCER_OWNED, CONSUMER_OWNED), "a producer, consumer or admin client setting");
    return def
        .define(PREFIX + "*", ConfigDef.Type.STRING, null, everyClient, ConfigDef.Importance.HIGH,
            "Any Kafka client setting, for every client Eurus makes (Kafka Streams' too): e.g. kafka.security.protocol=SASL_SSL, "
                + "kafka.sasl.mechanism, kafka.ssl.truststore.location. Secrets (kafka.sasl.jaas.config, kafka.ssl.*.password …) "
                + "come from the environment or a file (EURUS_KAFKA_SASL_JAAS_CONFIG_FILE, --set-file), never the command line, "
                + "and are never logged. See 'Connecting to a secured Kafka'.")
        .define(PRODUCER_PREFIX + "*", ConfigDef.Type.STRING, null, single(PRODUCER_PREFIX, PRODUCER, PRODUCER_OWNED, "a producer setting"),
            ConfigDef.Importance.LOW, "A Kafka producer setting for Eurus' producers only (Kafka Streams' too), e.g. "
                + "kafka.producer.linger.ms=20; wins over kafka.*.")
        .define(CONSUMER_PREFIX + "*", ConfigDef.Type.STRING, null, single(CONSUMER_PREFIX, CONSUMER, CONSUMER_OWNED, "a consumer setting"),
            ConfigDef.Importance.LOW, "A Kafka consumer setting for Eurus' consumers only (Kafka Streams' too), e.g. "
                + "kafka.consumer.fetch.max.wait.ms=200; wins over kafka.*.")
        .define(ADMIN_PREFIX + "*", ConfigDef.Type.STRING, null, single(ADMIN_PREFIX, ADMIN, Map.of(), "an admin client setting"),
            ConfigDef.Importance.LOW,
            "A Kafka admin client setting for Eurus' admin clients only (Kafka Streams' too); wins over kafka.*.");
  }

  /**
   * The Kafka Streams family, {@code kafka.streams.NAME}: a Streams setting ({@code streamsDef}) or a client setting,
   * also under Streams' own prefixes ({@code producer.}, {@code main.consumer.}, {@code topic.} …).
   *
   * @param streamsOwned Streams settings that Eurus decides itself, each with its reason
   */
  public static PassThrough streams(ConfigDef streamsDef, Map<String, String> streamsOwned) {
    List<PassThrough.Scope> scopes = List.of(
        new PassThrough.Scope("", List.of(streamsDef, PRODUCER, CONSUMER, ADMIN)),
        new PassThrough.Scope("producer.", List.of(PRODUCER)),
        new PassThrough.Scope("consumer.", List.of(CONSUMER)),
        new PassThrough.Scope("main.consumer.", List.of(CONSUMER)),
        new PassThrough.Scope("restore.consumer.", List.of(CONSUMER)),
        new PassThrough.Scope("global.consumer.", List.of(CONSUMER)),
        new PassThrough.Scope("admin.", List.of(ADMIN)),
        new PassThrough.Scope("topic.", List.of()));
    return new PassThrough(STREAMS_PREFIX, scopes, owned(PRODUCER_OWNED, CONSUMER_OWNED, streamsOwned),
        "a Kafka Streams setting (also producer.*, main.consumer.*, topic.* …)");
  }

  /** Whether a setting's value is a secret: a declared password, or a client setting Kafka treats as one. */
  public static boolean isSecret(ConfigDef def, String name) {
    ConfigDef.ConfigKey declared = def.configKeys().get(name);
    return declared != null ? declared.type == ConfigDef.Type.PASSWORD : isClientSecret(name);
  }

  /** Whether a passed-through client setting (kafka.sasl.jaas.config, kafka.streams.producer.ssl.key.password …) is a secret. */
  public static boolean isClientSecret(String name) {
    // Any dotted tail may be the client's own name.
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (SECRETS.contains(name.substring(dot + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a setting says how to connect securely (kafka.security.protocol, kafka.ssl.*, kafka.sasl.*, also per kind):
   * what an embedded broker on loopback, which speaks plain Kafka, cannot use.
   */
  public static boolean isConnectionSecuritySetting(String name) {
    if (!name.startsWith(PREFIX)) {
      return false;
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      String tail = name.substring(dot + 1);
      if (tail.equals("security.protocol") || tail.startsWith("ssl.") || tail.startsWith("sasl.")) {
        return true;
      }
    }
    return false;
  }

  private static PassThrough single(String prefix, ConfigDef def, Map<String, String> owned, String description) {
    return new PassThrough(prefix, List.of(new PassThrough.Scope("", List.of(def))), owned(owned), description);
  }

  @SafeVarargs
  private static Map<String, String> owned(Map<String, String>... more) {
    Map<String, String> all = new HashMap<>(ANY_CLIENT_OWNED);
    for (Map<String, String> owned : more) {
      all.putAll(owned);
    }
    return all;
  }
}
