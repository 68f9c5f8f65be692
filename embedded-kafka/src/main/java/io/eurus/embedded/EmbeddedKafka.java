package io.eurus.embedded;

import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * It serves the all-in-one {@code eurus run} and the integration tests, so neither needs Docker.
 *
 * <p>Sized for a laptop: the log cleaner's dedupe buffer is 4 MB instead of the default 128 MB of heap,
 * every replication factor is 1, and thread pools are small.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Map<String, String> listenerAddresses;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private final Duration startTime;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Map<String, String> listenerAddresses, Path dataDir,
      boolean deleteOnClose, Duration startTime) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.listenerAddresses = Map.copyOf(listenerAddresses);
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.startTime = startTime;
  }

  /**
   * One more client listener beside the plain one, e.g. SASL_SSL with its certificate and SASL mechanisms.
   *
   * @param name             the listener's name (letters, digits and underscores)
   * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
   * @param settings         the listener's broker settings without the {@code listener.name.NAME.} prefix,
   *                         e.g. {@code ssl.keystore.location}, {@code sasl.enabled.mechanisms}
   */
  public record Listener(String name, String securityProtocol, Map<String, String> settings) {
  }

  /** Starts a broker on free ports with its data in a temporary folder that is deleted on close. */
  public static EmbeddedKafka start() {
    return start(null, 0);
  }

  /**
   * Starts a broker.
   *
   * @param dataDir where to keep the log; null for a temporary folder deleted on close. An existing,
   *                already formatted folder is reused, so data survives a restart.
   * @param port    the client port, 0 for a free one
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    return start(dataDir, port, List.of());
  }

  /**
   * Starts a broker that also listens on {@code listeners}, each on a free port; the plain listener stays the
   * broker's own (between broker and controller) and the one {@link #bootstrapServers()} names.
   */
  public static EmbeddedKafka start(Path dataDir, int port, List<Listener> listeners) {
    long began = System.nanoTime();
    boolean temporary = dataDir == null;
    try {
      Path dir = temporary ? Files.createTempDirectory("eurus-kafka-") : Files.createDirectories(dataDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Properties props = brokerProperties(dir.resolve("log"), brokerPort, controllerPort);
      Map<String, String> addresses = new LinkedHashMap<>();
      for (Listener listener : listeners) {
        addresses.put(listener.name(), "127.0.0.1:" + freePort());
        addListener(props, listener, addresses.get(listener.name()));
      }
      format(dir, props);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      String bootstrap = "127.0.0.1:" + brokerPort;
      KafkaClients.awaitBroker(KafkaConnection.to(bootstrap), READY_TIMEOUT);
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      LOG.info("Embedded Kafka broker ready at {} in {} ms (data in {})", bootstrap, took.toMillis(), dir);
      return new EmbeddedKafka(server, bootstrap, addresses, dir, temporary, took);
    } catch (IOException e) {
      throw new StartupException("cannot prepare the embedded Kafka broker's data folder: " + e.getMessage(), e);
    }
  }

  /** The plain listener's address. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The address of the extra listener named {@code name}. */
  public String bootstrapServers(String listenerName) {
    String address = listenerAddresses.get(listenerName);
    if (address == null) {
      throw new IllegalArgumentException("no listener " + listenerName + "; the broker has " + listenerAddresses.keySet());
    }
    return address;
  }

  /** How long {@link #start} took until the broker answered a client. */
  public Duration startTime() {
    return startTime;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      deleteRecursively(dataDir);
    }
    LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers);
  }

  private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every internal topic has one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // The default dedupe buffer takes 128 MB of heap; compacted topics here are small.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    // Consumer groups form at once instead of waiting 3 s for more members.
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics are created on purpose (TopicAdmin), so a typo in a name fails instead of creating a topic.
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  private static void addListener(Properties props, Listener listener, String address) {
    props.put("listeners", props.getProperty("listeners") + "," + listener.name() + "://" + address);
    props.put("advertised.listeners", props.getProperty("advertised.listeners") + "," + listener.name() + "://" + address);
    props.put("listener.security.protocol.map",
        props.getProperty("listener.security.protocol.map") + "," + listener.name() + ":" + listener.securityProtocol());
    String prefix = "listener.name." + listener.name().toLowerCase(Locale.ROOT) + ".";
    listener.settings().forEach((name, value) -> props.put(prefix + name, value));
  }

  private static void format(Path dir, Properties props) throws IOException {
    if (Files.exists(dir.resolve("log").resolve("meta.properties"))) {
      return; // formatted by an earlier run: keep its cluster id and its data
    }
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "embedded Kafka broker, written by Eurus");
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String clusterId = Uuid.randomUuid().toString();
    int exit = StorageTool.execute(
        new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()},
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new StartupException("cannot format the embedded Kafka broker's storage in " + dir + ": "
          + printed.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
