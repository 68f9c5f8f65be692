package io.eurus.platform.kafka;

import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.KafkaClientSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach Kafka: the bootstrap address and the operator's own client settings ({@code kafka.NAME} for every
 * client, {@code kafka.producer.NAME} and the like for one kind), laid over Eurus' defaults by {@link KafkaClients}
 * and by the processor's Streams configuration. Every client Eurus makes is configured through one of these, so
 * none can miss the cluster's TLS or SASL settings.
 *
 * <p>Secrets are held as Kafka's {@link Password}, whose {@code toString} is {@code [hidden]}, so a config map that
 * reaches a log shows no secret; the clients take a {@code Password} wherever they take the string.
 */
public final class KafkaConnection {

  /** The kinds of client, each with its own family of settings. */
  public enum Kind {
    PRODUCER(KafkaClientSettings.PRODUCER_PREFIX, "producer."),
    CONSUMER(KafkaClientSettings.CONSUMER_PREFIX, "consumer."),
    ADMIN(KafkaClientSettings.ADMIN_PREFIX, "admin."),
    STREAMS(KafkaClientSettings.STREAMS_PREFIX, "");

    private final String settingsPrefix;
    // Kafka Streams hands settings under these prefixes to its own producers, consumers and admin client
    // (StreamsConfig.PRODUCER_PREFIX, CONSUMER_PREFIX, ADMIN_CLIENT_PREFIX).
    private final String streamsPrefix;

    Kind(String settingsPrefix, String streamsPrefix) {
      this.settingsPrefix = settingsPrefix;
      this.streamsPrefix = streamsPrefix;
    }
  }

  private final String bootstrapServers;
  private final Map<String, Object> everyClient;
  private final Map<Kind, Map<String, Object>> byKind;
  private final List<String> secrets;

  private KafkaConnection(String bootstrapServers, Map<String, Object> everyClient, Map<Kind, Map<String, Object>> byKind) {
    this.bootstrapServers = bootstrapServers;
    this.everyClient = Map.copyOf(everyClient);
    Map<Kind, Map<String, Object>> copy = new EnumMap<>(Kind.class);
    byKind.forEach((kind, settings) -> copy.put(kind, Map.copyOf(settings)));
    this.byKind = copy;
    List<String> hidden = new ArrayList<>();
    for (Map<String, Object> settings : allSettings()) {
      settings.values().stream().filter(Password.class::isInstance).map(value -> ((Password) value).value())
          .filter(value -> value != null && !value.isEmpty()).forEach(hidden::add);
    }
    this.secrets = List.copyOf(hidden);
  }

  /** A broker that needs nothing but its address (plain Kafka, no authentication): tests, tools, the embedded broker. */
  public static KafkaConnection to(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of(), Map.of());
  }

  /** The connection that validated settings describe: {@code kafka.bootstrap.servers} and the {@code kafka.*} client settings. */
  public static KafkaConnection of(AbstractConfig settings) {
    Set<String> declared = settings.values().keySet();
    Map<String, Object> everyClient = new HashMap<>();
    Map<Kind, Map<String, Object>> byKind = new EnumMap<>(Kind.class);
    for (var entry : settings.originals().entrySet()) {
      String name = entry.getKey();
      if (!name.startsWith(KafkaClientSettings.PREFIX) || declared.contains(name) || entry.getValue() == null) {
        continue;
      }
      Object value = KafkaClientSettings.isClientSecret(name) ? new Password(String.valueOf(entry.getValue())) : entry.getValue();
      Kind kind = kindOf(name);
      if (kind == null) {
        everyClient.put(name.substring(KafkaClientSettings.PREFIX.length()), value);
      } else {
        byKind.computeIfAbsent(kind, k -> new HashMap<>()).put(name.substring(kind.settingsPrefix.length()), value);
      }
    }
    return new KafkaConnection(settings.getString(CommonSettings.BOOTSTRAP_SERVERS), everyClient, byKind);
  }

  private static Kind kindOf(String name) {
    for (Kind kind : Kind.values()) {
      if (name.startsWith(kind.settingsPrefix)) {
        return kind;
      }
    }
    return null;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The same client settings for another address. */
  public KafkaConnection withBootstrapServers(String address) {
    return new KafkaConnection(address, everyClient, byKind);
  }

  /**
   * The configuration of one client: Eurus' {@code defaults}, then the operator's settings for every client, then
   * those for its kind; the address always.
   */
  public Map<String, Object> config(Kind kind, Map<String, Object> defaults) {
    Map<String, Object> config = new HashMap<>(defaults);
    config.putAll(everyClient);
    config.putAll(byKind.getOrDefault(kind, Map.of()));
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /**
   * The configuration of Kafka Streams: Eurus' {@code defaults}, the operator's settings for every client, those for
   * producers, consumers and admin clients under Streams' own prefixes, then {@code kafka.streams.*}, which wins.
   */
  public Map<String, Object> streamsConfig(Map<String, Object> defaults) {
    Map<String, Object> config = new HashMap<>(defaults);
    config.putAll(everyClient);
    for (Kind kind : List.of(Kind.PRODUCER, Kind.CONSUMER, Kind.ADMIN)) {
      byKind.getOrDefault(kind, Map.of()).forEach((name, value) -> config.put(kind.streamsPrefix + name, value));
    }
    config.putAll(byKind.getOrDefault(Kind.STREAMS, Map.of()));
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** The setting an admin client uses for {@code name} (e.g. sasl.mechanism), or null: for explaining a failure. */
  String adminSetting(String name) {
    Object value = byKind.getOrDefault(Kind.ADMIN, Map.of()).getOrDefault(name, everyClient.get(name));
    return value == null ? null : String.valueOf(value);
  }

  /** {@code text} with every secret of this connection replaced by {@code [hidden]}. */
  String hideSecrets(String text) {
    String hidden = text == null ? "" : text;
    for (String secret : secrets) {
      hidden = hidden.replace(secret, "[hidden]");
    }
    return hidden;
  }

  /** The address and how clients authenticate, for logs: never a secret. */
  public String describe() {
    String protocol = adminSetting(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
    String mechanism = adminSetting(SaslConfigs.SASL_MECHANISM);
    if (protocol == null || protocol.equals("PLAINTEXT")) {
      return bootstrapServers;
    }
    String sasl = protocol.startsWith("SASL") ? ", " + (mechanism == null ? SaslConfigs.DEFAULT_SASL_MECHANISM : mechanism) : "";
    return bootstrapServers + " (" + protocol + sasl + ")";
  }

  private List<Map<String, Object>> allSettings() {
    List<Map<String, Object>> all = new ArrayList<>(byKind.values());
    all.add(everyClient);
    return all;
  }

  @Override
  public String toString() {
    return describe();
  }
}
