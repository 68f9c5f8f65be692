package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eurus.platform.settings.SettingsException;
import io.eurus.platform.settings.SettingsLoader;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The processor's Kafka Streams configuration: Eurus' choices under the operator's client settings. */
class StreamsConfigTest {

  private static Properties streamsConfig(Map<String, String> env) {
    return ProcessorService.streamsConfig(new ProcessorSettings(SettingsLoader.load(ProcessorSettings.DEF, env, Map.of())));
  }

  @Test
  void streamThreadsSecurityAndEachKindOfClientReachKafkaStreamsUnderItsOwnPrefixes() {
    Properties config = streamsConfig(Map.of(
        "EURUS_PROCESSOR_STREAM_THREADS", "3",
        "EURUS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "EURUS_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        "EURUS_KAFKA_PRODUCER_LINGER_MS", "20",
        "EURUS_KAFKA_CONSUMER_FETCH_MAX_WAIT_MS", "200",
        "EURUS_KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1",
        "EURUS_KAFKA_STREAMS_MAIN_CONSUMER_MAX_POLL_RECORDS", "100"));
    StreamsConfig streams = new StreamsConfig(config);

    assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(3);
    assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(streams.getProducerConfigs("p")).containsEntry("linger.ms", "20").containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", new Password("org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("fetch.max.wait.ms", "200")
        .containsEntry("max.poll.records", "100").containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void byDefaultTheProcessorRunsOneStreamThreadPerCore() {
    StreamsConfig streams = new StreamsConfig(streamsConfig(Map.of()));

    assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void whatEurusDecidesForKafkaStreamsIsRefusedNamingItsOwnSetting() {
    SettingsException error = catchThrowableOfType(SettingsException.class, () -> streamsConfig(Map.of(
        "EURUS_KAFKA_STREAMS_APPLICATION_ID", "other", "EURUS_KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once",
        "EURUS_KAFKA_STREAMS_NUM_STANDBY_REPLICA", "1")));

    assertThat(error.problems()).containsExactlyInAnyOrder(
        "kafka.streams.application.id (EURUS_KAFKA_STREAMS_APPLICATION_ID): set processor.application.id",
        "kafka.streams.processing.guarantee (EURUS_KAFKA_STREAMS_PROCESSING_GUARANTEE): set by Eurus to exactly_once_v2: each article "
            + "counts once, each alert is written once",
        "EURUS_KAFKA_STREAMS_NUM_STANDBY_REPLICA: unknown setting kafka.streams.num.standby.replica (no such Kafka setting)");
  }
}
