package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the command line or the environment is wrong: one plain line, exit 1. */
class EurusCommandIT {

  private final CapturedEurus captured = new CapturedEurus();

  private int eurus(String... args) {
    return captured.run(args);
  }

  @Test
  void wrongBootstrapServersFailAfterABoundedWaitWithOneLineNamingTheAddress() {
    long began = System.nanoTime();

    int exit = eurus("ingest", "--bootstrap-servers", "127.0.0.1:1", "--ops-port", "0");

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err()).isEqualTo("eurus: cannot reach Kafka at 127.0.0.1:1 within 15 s "
        + "(check --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS)" + System.lineSeparator());
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void everyProblemOfTheFeedListIsReportedWithItsFeedIdBeforeKafkaIsContacted(@TempDir Path tmp) throws Exception {
    Path feeds = Files.writeString(tmp.resolve("feeds.yaml"), """
        feeds:
          - { id: tass-en, url: "https://tass.com/rss/v2.xml", bloc: russia-state, pollIntervall: 5m }
          - { id: meduza-en, url: "meduza.io/rss/en/all", bloc: russia-independent }
        """);
    long began = System.nanoTime();

    int exit = eurus("ingest", "--feeds", feeds.toString(), "--bootstrap-servers", "127.0.0.1:1", "--ops-port", "0");

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err()).contains(feeds + ": feed tass-en: unknown key 'pollIntervall'",
        feeds + ": feed meduza-en: url: 'meduza.io/rss/en/all' is not an http(s) or file URL").doesNotContain("Kafka");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no wait for the broker").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void takenDashboardPortIsNamedWithTheOptionThatChangesItBeforeAnythingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();
      long began = System.nanoTime();

      int exit = eurus("run", "--demo", "--port", String.valueOf(port), "--ops-port", "0");

      assertThat(exit).isEqualTo(1);
      assertThat(captured.err()).isEqualTo("eurus: port " + port + " on 127.0.0.1 is already in use: "
          + "choose another with --port (or EURUS_DASHBOARD_PORT)" + System.lineSeparator());
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void everyInvalidSettingIsReportedAtOnce() {
    int exit = eurus("processor", "--set", "kafka.topic.partitions=0", "--set", "no.such.setting=1",
        "--set", "ops.port=http");

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err())
        .contains("no.such.setting: unknown setting")
        .contains("kafka.topic.partitions (EURUS_KAFKA_TOPIC_PARTITIONS): ")
        .contains("ops.port (EURUS_OPS_PORT): ")
        .doesNotContain("Exception");
  }

  @Test
  void secretsOnTheCommandLineAreRefusedBeforeKafkaIsContactedNamingTheSafeWaysToGiveThem() {
    String token = "d41d8cd98f00b204e9800998ecf8427e";
    String hook = "https://hooks.slack.com/services/T0000/B0000/XXXXsecretXXXX";
    String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"desk\" password=\"hunter2-hunter2\";";

    int exit = eurus("alerts", "--bootstrap-servers", "127.0.0.1:1", "--ops-port", "0", "--set", "dashboard.token=" + token,
        "--set", "alerts.webhook.url=" + hook, "--set", "kafka.sasl.jaas.config=" + jaas);

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err())
        .contains("dashboard.token: a secret is not taken from the command line, where any user of this machine can read it (ps); "
            + "set EURUS_DASHBOARD_TOKEN, or name a file with EURUS_DASHBOARD_TOKEN_FILE or --set-file dashboard.token=FILE")
        .contains("alerts.webhook.url: a secret is not taken from the command line")
        .contains("kafka.sasl.jaas.config: a secret is not taken from the command line, where any user of this machine can read it "
            + "(ps); set EURUS_KAFKA_SASL_JAAS_CONFIG, or name a file with EURUS_KAFKA_SASL_JAAS_CONFIG_FILE or "
            + "--set-file kafka.sasl.jaas.config=FILE")
        .doesNotContain(token).doesNotContain("XXXXsecretXXXX").doesNotContain("hunter2")
        .doesNotContain("cannot reach Kafka");
  }

  @Test
  void settingsReadFromFilesAndKafkaClientSettingsAreValidatedWithTheRest(@TempDir Path tmp) throws Exception {
    Path partitions = Files.writeString(tmp.resolve("partitions"), "0\n");

    int exit = eurus("processor", "--set-file", "kafka.topic.partitions=" + partitions, "--set", "kafka.security.protocol=SASL_TLS",
        "--set", "kafka.producer.acks=1", "--set", "kafka.consumer.linger.ms=5", "--set", "kafka.streams.num.stream.threads=4");

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err())
        .contains("kafka.topic.partitions (EURUS_KAFKA_TOPIC_PARTITIONS): ")
        .contains("kafka.security.protocol (EURUS_KAFKA_SECURITY_PROTOCOL): not a valid security.protocol: valid values are")
        .contains("kafka.producer.acks (EURUS_KAFKA_PRODUCER_ACKS): set by Eurus to all")
        .contains("kafka.consumer.linger.ms: unknown setting")
        .contains("kafka.streams.num.stream.threads (EURUS_KAFKA_STREAMS_NUM_STREAM_THREADS): set processor.stream.threads")
        .doesNotContain("Exception");
  }

  @Test
  void helpListsEveryCommand() {
    int exit = eurus("--help");

    assertThat(exit).isZero();
    assertThat(captured.out()).contains("run", "ingest", "processor", "alerts", "score", "eval", "config");
  }
}
