package io.eurus.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.KafkaClientSettings;
import io.eurus.platform.settings.SettingsLoader;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/** The operator's client settings laid over Eurus' defaults, per kind of client. */
class KafkaConnectionTest {

  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"key\" "
      + "password=\"api-secret-123\";";

  /** The common settings and a stand-in for the processor's kafka.streams.* (Kafka Streams is not on this module's path). */
  private static final ConfigDef DEF = CommonSettings.define()
      .define("kafka.streams.*", ConfigDef.Type.STRING, null, KafkaClientSettings.streams(
              new ConfigDef().define("num.standby.replicas", ConfigDef.Type.INT, 0, ConfigDef.Importance.LOW, ""), Map.of()),
          ConfigDef.Importance.LOW, "");

  private static KafkaConnection connection(Map<String, String> env) {
    return KafkaConnection.of(new AbstractConfig(DEF, SettingsLoader.load(DEF, env, Map.of()), false));
  }

  private final KafkaConnection kafka = connection(Map.of(
      "KAFKA_BOOTSTRAP_SERVERS", "broker-1.example.net:9093",
      "EURUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
      "EURUS_KAFKA_SASL_MECHANISM", "PLAIN",
      "EURUS_KAFKA_SASL_JAAS_CONFIG", JAAS,
      "EURUS_KAFKA_LINGER_MS", "50",
      "EURUS_KAFKA_PRODUCER_LINGER_MS", "20",
      "EURUS_KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd"));

  @Test
  void everyClientGetsTheSharedSettingsAndItsKindsWhichWin() {
    Map<String, Object> producer = KafkaClients.producerConfig(kafka, "test");
    Map<String, Object> admin = KafkaClients.consumerConfig(kafka, "group", "test");

    assertThat(producer).containsEntry("bootstrap.servers", "broker-1.example.net:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", "20")
        .containsEntry("compression.type", "zstd")
        .containsEntry("acks", "all");
    assertThat(admin).containsEntry("security.protocol", "SASL_SSL").containsEntry("group.id", "group")
        .doesNotContainKey("compression.type");
  }

  @Test
  void secretsAreKafkaPasswordsSoAConfigMapInALogHidesThem() {
    Map<String, Object> producer = KafkaClients.producerConfig(kafka, "test");

    assertThat(producer.get("sasl.jaas.config")).isEqualTo(new Password(JAAS));
    assertThat(String.valueOf(producer)).doesNotContain("api-secret-123").contains("sasl.jaas.config=[hidden]");
    assertThat(kafka.hideSecrets("login failed for " + JAAS)).isEqualTo("login failed for [hidden]");
    assertThat(kafka.describe()).isEqualTo("broker-1.example.net:9093 (SASL_SSL, PLAIN)");
  }

  @Test
  void kafkaStreamsTakesEachKindsSettingsUnderItsOwnPrefixes() {
    KafkaConnection streams = connection(Map.of("EURUS_KAFKA_PRODUCER_LINGER_MS", "20", "EURUS_KAFKA_CONSUMER_FETCH_MAX_WAIT_MS", "200",
        "EURUS_KAFKA_STREAMS_PRODUCER_LINGER_MS", "30", "EURUS_KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1",
        "EURUS_KAFKA_SECURITY_PROTOCOL", "SSL"));

    assertThat(streams.streamsConfig(Map.of("commit.interval.ms", 100)))
        .containsEntry("security.protocol", "SSL")
        .containsEntry("consumer.fetch.max.wait.ms", "200")
        .containsEntry("producer.linger.ms", "30")
        .containsEntry("num.standby.replicas", "1")
        .containsEntry("commit.interval.ms", 100)
        .containsEntry("bootstrap.servers", "localhost:9092");
  }
}
