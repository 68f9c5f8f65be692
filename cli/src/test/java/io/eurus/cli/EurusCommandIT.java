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
  void helpListsEveryCommand() {
    int exit = eurus("--help");

    assertThat(exit).isZero();
    assertThat(captured.out()).contains("run", "ingest", "processor", "alerts", "score", "eval", "config");
  }
}
