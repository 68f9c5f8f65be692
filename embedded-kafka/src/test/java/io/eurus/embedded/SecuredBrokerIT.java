package io.eurus.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eurus.embedded.testing.SecuredKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.FeedStatus;
import io.eurus.events.Topics;
import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eurus' clients against a broker secured as operators secure theirs: SASL_SSL with SCRAM-SHA-512 and mutual TLS,
 * with certificates made for the run. What goes wrong is said in one line that names the broker and the cause.
 */
class SecuredBrokerIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  static Path tmp;

  private static SecuredKafka broker;

  @BeforeAll
  static void startBroker() {
    broker = SecuredKafka.start(tmp);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void recordsGoInAndComeOutOverSaslSslWithTheUsersPassword() throws Exception {
    KafkaConnection kafka = SecuredKafka.connection(broker.saslSsl(broker.password()));
    TopicAdmin.ensureTopics(kafka, List.of(Topics.FEED_STATUS), 1);
    String feed = "secured-" + UUID.randomUUID();

    try (var producer = new EventProducer(KafkaClients.producerConfig(kafka, "secured-it"));
         var probe = new TopicProbe<>(kafka, Topics.FEED_STATUS)) {
      producer.send(Topics.FEED_STATUS, feed, status(feed)).get();

      assertThat(probe.readUntil(seen -> seen.stream().anyMatch(r -> feed.equals(r.key())), Duration.ofSeconds(30)))
          .extracting(r -> r.key()).contains(feed);
    }
  }

  @Test
  void wrongPasswordIsOneLineNamingTheBrokerAndTheMechanismWithoutThePassword() {
    String wrong = "not-" + broker.password();

    StartupException error = catchThrowableOfType(StartupException.class,
        () -> KafkaClients.awaitBroker(SecuredKafka.connection(broker.saslSsl(wrong)), WAIT));

    assertThat(error).hasMessage("cannot reach Kafka at " + broker.saslSslAddress()
        + ": authentication failed (SASL SCRAM-SHA-512: wrong user name or password)");
  }

  @Test
  void brokerCertificateFromAnUntrustedIssuerIsOneLineNamingTheTruststore() {
    Map<String, String> settings = broker.saslSsl(broker.password());
    settings.put("kafka.ssl.truststore.location", broker.untrustedTruststore().toString());
    settings.put("kafka.ssl.truststore.type", "PEM");
    settings.remove("kafka.ssl.truststore.password");

    StartupException error = catchThrowableOfType(StartupException.class,
        () -> KafkaClients.awaitBroker(SecuredKafka.connection(settings), WAIT));

    assertThat(error).hasMessage("cannot reach Kafka at " + broker.saslSslAddress()
        + ": TLS: the broker's certificate is not trusted (truststore " + broker.untrustedTruststore() + ")");
  }

  @Test
  void clientCertificateOpensTheMutualTlsListener() {
    assertThatCode(() -> KafkaClients.awaitBroker(SecuredKafka.connection(broker.mutualTls()), WAIT)).doesNotThrowAnyException();
  }

  @Test
  void clientWithoutACertificateIsToldTheBrokerRefusedIt() {
    Map<String, String> settings = broker.mutualTls();
    settings.keySet().removeIf(name -> name.startsWith("kafka.ssl.key"));

    StartupException error = catchThrowableOfType(StartupException.class,
        () -> KafkaClients.awaitBroker(SecuredKafka.connection(settings), WAIT));

    assertThat(error).hasMessage("cannot reach Kafka at " + broker.mtlsAddress()
        + ": TLS: the broker refused this client's certificate (keystore none set; the broker must trust its issuer)");
  }

  private static FeedStatus status(String feed) {
    return FeedStatus.builder().feedId(feed).checkedAt(Instant.parse("2026-11-20T10:00:00Z")).build();
  }
}
