package io.eurus.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka's client settings as Eurus settings: read from the environment, the command line or files, and checked. */
class KafkaClientSettingsTest {

  private static final ConfigDef DEF = CommonSettings.define()
      .define("desk.token", ConfigDef.Type.PASSWORD, "", ConfigDef.Importance.HIGH, "a secret of the service");

  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"desk\" "
      + "password=\"s3cret-s3cret\";";

  @Test
  void clientSettingsComeFromTheEnvironmentByTheirNameAndFromTheCommandLine() {
    Map<String, String> values = SettingsLoader.load(DEF,
        Map.of("EURUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "EURUS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "EURUS_KAFKA_CONSUMER_FETCH_MAX_WAIT_MS", "200", "EURUS_JAVA_OPTS", "-Xmx384m"),
        new SettingsLoader.CommandLineValues(Map.of("kafka.producer.linger.ms", "20"), Map.of()), Map.of());

    assertThat(values).containsEntry("kafka.security.protocol", "SASL_SSL")
        .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("kafka.consumer.fetch.max.wait.ms", "200")
        .containsEntry("kafka.producer.linger.ms", "20")
        .doesNotContainKey("java.opts");
  }

  @Test
  void secretsComeFromFilesNamedByTheEnvironmentOrTheCommandLine(@TempDir Path tmp) throws Exception {
    Path jaas = Files.writeString(tmp.resolve("jaas"), JAAS + "\n");
    Path token = Files.writeString(tmp.resolve("token"), "0123456789abcdef0123\n");

    Map<String, String> values = SettingsLoader.load(DEF, Map.of("EURUS_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString()),
        new SettingsLoader.CommandLineValues(Map.of(), Map.of("desk.token", token)), Map.of());

    assertThat(values).containsEntry("kafka.sasl.jaas.config", JAAS).containsEntry("desk.token", "0123456789abcdef0123");
  }

  @Test
  void aFileWinsOverAnEmptyVariableAsComposePassesAnUnsetOneThrough(@TempDir Path tmp) throws Exception {
    Path token = Files.writeString(tmp.resolve("token"), "0123456789abcdef0123\n");

    Map<String, String> values = SettingsLoader.load(DEF, Map.of("EURUS_DESK_TOKEN", "", "EURUS_DESK_TOKEN_FILE", token.toString()), Map.of());

    assertThat(values).containsEntry("desk.token", "0123456789abcdef0123");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsVariableAndNeverTheSecret() {
    SettingsException error = catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(DEF,
        Map.of("EURUS_KAFKA_SASL_MECHANISMS", "PLAIN", "EURUS_KAFKA_SSL_KEY_PASSWORD", "pw", "EURUS_KAFKA_SSL_KEY_PASSWORD_FILE", "/nowhere"),
        new SettingsLoader.CommandLineValues(Map.of("kafka.sasl.jaas.config", JAAS, "desk.token", "0123456789abcdef0123",
            "kafka.producer.enable.idempotence", "false", "kafka.consumer.max.poll.records", "many"), Map.of()),
        Map.of()));

    assertThat(error.problems()).containsExactlyInAnyOrder(
        "EURUS_KAFKA_SASL_MECHANISMS: unknown setting kafka.sasl.mechanisms (no such Kafka setting)",
        "EURUS_KAFKA_SSL_KEY_PASSWORD_FILE: kafka.ssl.key.password is also set by EURUS_KAFKA_SSL_KEY_PASSWORD; set one of them",
        "kafka.sasl.jaas.config: a secret is not taken from the command line, where any user of this machine can read it (ps); "
            + "set EURUS_KAFKA_SASL_JAAS_CONFIG, or name a file with EURUS_KAFKA_SASL_JAAS_CONFIG_FILE or --set-file kafka.sasl.jaas.config=FILE",
        "desk.token: a secret is not taken from the command line, where any user of this machine can read it (ps); "
            + "set EURUS_DESK_TOKEN, or name a file with EURUS_DESK_TOKEN_FILE or --set-file desk.token=FILE",
        "kafka.producer.enable.idempotence (EURUS_KAFKA_PRODUCER_ENABLE_IDEMPOTENCE): set by Eurus to true: a retried send is never written twice",
        "kafka.consumer.max.poll.records (EURUS_KAFKA_CONSUMER_MAX_POLL_RECORDS): expected a value of type int (as max.poll.records)");
    assertThat(error.getMessage()).doesNotContain("s3cret").doesNotContain("0123456789abcdef0123");
  }

  @Test
  void theStreamsFamilyBelongsToTheProcessorAndAnotherServiceLeavesItsVariablesAlone() {
    Map<String, String> env = Map.of("EURUS_KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1");

    assertThat(SettingsLoader.load(DEF, env, Map.of())).doesNotContainKey("kafka.streams.num.standby.replicas");
    assertThat(catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(DEF, Map.of(),
        new SettingsLoader.CommandLineValues(Map.of("kafka.streams.num.standby.replicas", "1"), Map.of()), Map.of())).problems())
        .containsExactly("kafka.streams.num.standby.replicas: unknown setting");
  }

  @Test
  void secretsAreTheClientsPasswordsAndTheDeclaredOnes() {
    assertThat(KafkaClientSettings.isSecret(DEF, "kafka.sasl.jaas.config")).isTrue();
    assertThat(KafkaClientSettings.isSecret(DEF, "kafka.consumer.ssl.truststore.password")).isTrue();
    assertThat(KafkaClientSettings.isSecret(DEF, "kafka.streams.producer.ssl.key.password")).isTrue();
    assertThat(KafkaClientSettings.isSecret(DEF, "desk.token")).isTrue();
    assertThat(KafkaClientSettings.isSecret(DEF, "kafka.ssl.truststore.location")).isFalse();
    assertThat(KafkaClientSettings.isSecret(DEF, "kafka.bootstrap.servers")).isFalse();
  }

  @Test
  void theReferenceListsEachFamilyWithItsVariables() {
    assertThat(ConfigTable.markdown(DEF))
        .contains("| `kafka.*` | `EURUS_KAFKA_*` | Kafka's |  | a producer, consumer or admin client setting |")
        .contains("| `kafka.producer.*` | `EURUS_KAFKA_PRODUCER_*` | Kafka's |  | a producer setting |");
  }
}
