package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.eurus.cli.testing.CapturedLog;
import io.eurus.embedded.testing.SecuredKafka;
import io.eurus.platform.settings.SettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path of {@link PipelineEndToEndIT} (a feed item ingested, matched by the processor, delivered by alerts,
 * on the dashboard) against a broker secured as operators secure theirs: SASL_SSL with a SCRAM-SHA-512 user and a
 * self-signed certificate made for the run. Every client is configured by the {@code kafka.*} settings of the
 * environment, the JAAS line from a file as a container secret would give it; no secret reaches the log. A wrong
 * password or an untrusted certificate stops the command with one line, as an operator sees it.
 */
class SecuredPipelineIT extends PipelineEndToEndIT {

  private static final Path JAR = Path.of("target", "eurus.jar");

  private SecuredKafka broker;
  private CapturedLog log;

  /** The secured broker starts here, with the environment that names it. */
  @Override
  Map<String, String> environment() {
    broker = SecuredKafka.start(dir("tls"));
    return environmentFor(broker.saslSsl(broker.password()));
  }

  @Override
  AllInOne start(Map<String, String> settings, AllInOne.Options options) {
    log = new CapturedLog();
    return AllInOne.onKafka(settings, options);
  }

  @AfterAll
  void stopBroker() {
    if (log != null) {
      log.close();
    }
    if (eurus != null) {
      eurus.close();
      eurus = null;
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void noSecretReachesTheLogWhileEveryClientPrintsItsConfiguration() {
    feed.addItem("sanctions-log", "EU widens sanctions on Russian banks", "A new package of restrictive measures.");
    await().atMost(Duration.ofSeconds(30)).until(() -> !about("sanctions-log").isEmpty());

    List<String> lines = log.lines();

    assertThat(lines).as("the clients' configurations were logged, secrets masked")
        .anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"))
        .anyMatch(line -> line.contains("ssl.truststore.password = [hidden]"));
    assertThat(String.join("\n", lines)).doesNotContain(broker.password()).doesNotContain(broker.storePassword());
  }

  @Test
  void wrongPasswordStopsTheServiceWithOneLineNamingTheBrokerAndTheCause() throws Exception {
    Result ingest = eurusProcess(environmentFor(broker.saslSsl("not-" + broker.password())), "ingest", "--ops-port", "0");

    assertThat(ingest.exit()).isEqualTo(1);
    assertThat(ingest.stderr()).isEqualTo("eurus: cannot reach Kafka at " + broker.saslSslAddress()
        + ": authentication failed (SASL SCRAM-SHA-512: wrong user name or password)\n");
  }

  @Test
  void untrustedBrokerCertificateStopsTheServiceWithOneLineNamingTheTruststore() throws Exception {
    Map<String, String> settings = broker.saslSsl(broker.password());
    settings.put("kafka.ssl.truststore.location", broker.untrustedTruststore().toString());
    settings.put("kafka.ssl.truststore.type", "PEM");
    settings.remove("kafka.ssl.truststore.password");

    Result alerts = eurusProcess(environmentFor(settings), "alerts", "--port", "0", "--ops-port", "0");

    assertThat(alerts.exit()).isEqualTo(1);
    assertThat(alerts.stderr()).isEqualTo("eurus: cannot reach Kafka at " + broker.saslSslAddress()
        + ": TLS: the broker's certificate is not trusted (truststore " + broker.untrustedTruststore() + ")\n");
  }

  /** The settings as a deployment's environment: each as EURUS_…, the JAAS line (user and password) in a file. */
  private static Map<String, String> environmentFor(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>();
    settings.forEach((name, value) -> env.put(SettingsLoader.envName(name), value));
    String jaas = env.remove(SettingsLoader.envName("kafka.sasl.jaas.config"));
    if (jaas != null) {
      env.put(SettingsLoader.envName("kafka.sasl.jaas.config") + "_FILE", write("jaas-" + jaas.hashCode(), jaas).toString());
    }
    return env;
  }

  private record Result(int exit, String stderr) {
  }

  /** The packaged command in its own process, as an operator runs it: what it prints on stderr, all of it. */
  private static Result eurusProcess(Map<String, String> env, String... args) throws Exception {
    assumeThat(Files.exists(JAR)).as("the packaged jar (mvn package) at %s", JAR.toAbsolutePath()).isTrue();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited; stderr: %s", stderr).isTrue();
    return new Result(process.exitValue(), stderr);
  }

  private static Path dir(String name) {
    try {
      return Files.createDirectories(tmp.resolve(name));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(String name, String content) {
    try {
      return Files.writeString(dir("secrets").resolve(name), content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
