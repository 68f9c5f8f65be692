package io.eurus.embedded.testing;

import static org.awaitility.Awaitility.await;

import io.eurus.embedded.EmbeddedKafka;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.SettingsLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * An embedded broker with the listeners of a secured cluster: SASL_SSL with a SCRAM-SHA-512 user, and SSL that
 * requires a client certificate (mutual TLS). The certificates are self-signed, made for this run; the plain
 * listener stays for the broker's own traffic and the set-up. The client settings it hands out are Eurus settings
 * ({@code kafka.*}), as an operator writes them.
 */
public final class SecuredKafka implements AutoCloseable {

  public static final String USER = "desk";

  private static final String SASL_SSL = "SASL_SSL";
  private static final String MTLS = "MTLS";

  private final EmbeddedKafka broker;
  private final Path dir;
  private final String password;
  private final String storePassword;
  private final Path truststore;

  private SecuredKafka(EmbeddedKafka broker, Path dir, String password, String storePassword, Path truststore) {
    this.broker = broker;
    this.dir = dir;
    this.password = password;
    this.storePassword = storePassword;
    this.truststore = truststore;
  }

  /** Makes the certificates in {@code dir}, starts the broker and creates the SCRAM user. */
  public static SecuredKafka start(Path dir) {
    String storePassword = randomSecret();
    Path brokerKeystore = Keytool.keystore(dir, "broker", storePassword);
    Keytool.keystore(dir, "client", storePassword);
    Path truststore = Keytool.truststore(dir, "client-truststore", "broker", storePassword);
    Map<String, String> tls = Map.of(
        "ssl.keystore.location", brokerKeystore.toString(),
        "ssl.keystore.type", "PKCS12",
        "ssl.keystore.password", storePassword,
        "ssl.key.password", storePassword);
    Map<String, String> sasl = new HashMap<>(tls);
    sasl.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    sasl.put("scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    Map<String, String> mutual = new HashMap<>(tls);
    mutual.put("ssl.client.auth", "required");
    mutual.put("ssl.truststore.type", "PEM");
    mutual.put("ssl.truststore.location", Keytool.certificate(dir, "client").toString());
    EmbeddedKafka broker = EmbeddedKafka.start(null, 0,
        List.of(new EmbeddedKafka.Listener(SASL_SSL, "SASL_SSL", sasl), new EmbeddedKafka.Listener(MTLS, "SSL", mutual)));
    SecuredKafka secured = new SecuredKafka(broker, dir, randomSecret(), storePassword, truststore);
    try {
      secured.createUser();
      return secured;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  private void createUser() {
    try (Admin admin = KafkaClients.admin(KafkaConnection.to(broker.bootstrapServers()), Duration.ofSeconds(30))) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the SCRAM user: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    // The credential reaches the broker's cache through the metadata log, a moment after the controller took it.
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .untilAsserted(() -> KafkaClients.awaitBroker(connection(saslSsl(password)), Duration.ofSeconds(5)));
  }

  /** The SCRAM user's password. */
  public String password() {
    return password;
  }

  /** The password of every key and trust store. */
  public String storePassword() {
    return storePassword;
  }

  public String saslSslAddress() {
    return broker.bootstrapServers(SASL_SSL);
  }

  public String mtlsAddress() {
    return broker.bootstrapServers(MTLS);
  }

  /** The plain listener, for set-up and assertions that are not about security. */
  public String plainAddress() {
    return broker.bootstrapServers();
  }

  /** The settings that reach the SASL_SSL listener as the user, with {@code password}: what an operator sets. */
  public Map<String, String> saslSsl(String password) {
    Map<String, String> settings = new HashMap<>();
    settings.put(CommonSettings.BOOTSTRAP_SERVERS, saslSslAddress());
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + USER + "\" password=\"" + password + "\";");
    settings.put("kafka.ssl.truststore.location", truststore.toString());
    settings.put("kafka.ssl.truststore.type", "PKCS12");
    settings.put("kafka.ssl.truststore.password", storePassword);
    return settings;
  }

  /** The settings that reach the mutual-TLS listener with the client's certificate. */
  public Map<String, String> mutualTls() {
    Map<String, String> settings = new HashMap<>();
    settings.put(CommonSettings.BOOTSTRAP_SERVERS, mtlsAddress());
    settings.put("kafka.security.protocol", "SSL");
    settings.put("kafka.ssl.keystore.location", dir.resolve("client.p12").toString());
    settings.put("kafka.ssl.keystore.type", "PKCS12");
    settings.put("kafka.ssl.keystore.password", storePassword);
    settings.put("kafka.ssl.key.password", storePassword);
    settings.put("kafka.ssl.truststore.type", "PEM");
    settings.put("kafka.ssl.truststore.location", Keytool.certificate(dir, "broker").toString());
    return settings;
  }

  /** A truststore that trusts some other certificate (the client's own), not the broker's. */
  public Path untrustedTruststore() {
    return Keytool.certificate(dir, "client");
  }

  /** The connection that {@code settings} describe, read and checked the way a service reads its own. */
  public static KafkaConnection connection(Map<String, String> settings) {
    return KafkaConnection.of(new AbstractConfig(CommonSettings.define(),
        SettingsLoader.load(CommonSettings.define(), Map.of(), settings), false));
  }

  private static String randomSecret() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    broker.close();
  }
}
