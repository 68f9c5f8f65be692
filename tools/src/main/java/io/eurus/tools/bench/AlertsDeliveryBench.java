package io.eurus.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.eurus.embedded.EmbeddedKafka;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.Json;
import io.eurus.events.RuleRef;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Measures the alerts service as deployed: {@code eurus alerts} in its own JVM ({@code -Xmx256m}) against a
 * real broker, delivering to a real HTTP receiver and to a live dashboard stream (SSE), both on loopback.
 *
 * <ol>
 *   <li>latency: alerts published one at a time, paced; from the record's creation to the webhook receiver
 *       and to the dashboard stream, p50 and p99. Baseline in the same run: a plain Kafka consumer reading
 *       the same records (what Kafka alone costs), and a bare HTTP POST to the same receiver;</li>
 *   <li>fan-out: a sustained rate (default 1,000 alerts/s for 30 s) to webhook + dashboard; every alert must
 *       arrive at both, and the service's heap is read from its GC log.</li>
 * </ol>
 *
 * <pre>java -cp cli/target/eurus.jar io.eurus.tools.bench.AlertsDeliveryBench [runs] [rate] [seconds]</pre>
 * (or {@code bench/alerts-delivery}). Prints one line per run and the medians.
 */
public final class AlertsDeliveryBench {

  private static final int LATENCY_ALERTS = 400;
  private static final Duration LATENCY_GAP = Duration.ofMillis(25);
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /** Receive times (epoch micros) by alert id. */
  private static final class Arrivals {
    final Map<String, Long> at = new ConcurrentHashMap<>();

    void seen(String id) {
      at.putIfAbsent(id, nowMicros());
    }
  }

  private record Run(double hookP50, double hookP99, double sseP50, double sseP99, double pageP50, double pageP99, double kafkaP50, double kafkaP99,
      double postP50, double postP99, int sent, int hookGot, int sseGot, double seconds, double hookPerSecond, int heapMaxMb, int liveMaxMb,
      long rssMb, String load) {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    // A receiver that takes this long to answer, as a remote webhook does: what a channel's concurrency is for.
    int receiverMs = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    // The service runs from the product jar, which the bench's own class path holds beside the tools jar.
    String classPath = System.getProperty("java.class.path");
    List<Run> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      // A fresh broker per run, so no run reads what an earlier one left in the topic.
      try (EmbeddedKafka broker = EmbeddedKafka.start()) {
        TopicAdmin.ensureTopics(KafkaConnection.to(broker.bootstrapServers()), Topics.ALL, 3);
        Run run = run(broker.bootstrapServers(), classPath, rate, seconds, concurrency, receiverMs);
        results.add(run);
        System.out.printf("run %d (load average before: %s): webhook p50 %.1f ms p99 %.1f ms | dashboard stream p50 %.1f ms p99 %.1f ms | open page p50 %.1f ms p99 %.1f ms | baseline kafka p50 %.1f ms p99 %.1f ms,"
                + " bare POST p50 %.2f ms p99 %.2f ms | fan-out %d sent at %d/s: webhook %d (%.0f/s), dashboard %d, drained in %.1f s,"
                + " heap max %d MB (live max %d MB), peak RSS %d MB%n",
            i, run.load, run.hookP50, run.hookP99, run.sseP50, run.sseP99, run.pageP50, run.pageP99, run.kafkaP50, run.kafkaP99, run.postP50, run.postP99,
            run.sent, rate, run.hookGot, run.hookPerSecond, run.sseGot, run.seconds, run.heapMaxMb, run.liveMaxMb, run.rssMb);
      }
    }
    System.out.printf("(alerts.delivery.concurrency=%d, the receiver answering after %d ms)%n", concurrency, receiverMs);
    System.out.printf("median of %d: webhook p50 %.1f ms p99 %.1f ms | dashboard stream p50 %.1f ms p99 %.1f ms | open page p50 %.1f ms p99 %.1f ms | kafka alone p50 %.1f ms p99 %.1f ms"
            + " | bare POST p50 %.2f ms | fan-out drained in %.1f s, webhook %.0f alerts/s, heap max %d MB, live max %d MB, RSS %d MB%n",
        runs, median(results, Run::hookP50), median(results, Run::hookP99), median(results, Run::sseP50), median(results, Run::sseP99),
        median(results, Run::pageP50), median(results, Run::pageP99), median(results, Run::kafkaP50), median(results, Run::kafkaP99), median(results, Run::postP50), median(results, Run::seconds),
        median(results, Run::hookPerSecond),
        (int) median(results, r -> r.heapMaxMb), (int) median(results, r -> r.liveMaxMb), (long) median(results, r -> r.rssMb));
    System.exit(0); // the clients' and servers' pool threads are not daemons
  }

  private static Run run(String bootstrap, String classPath, int rate, int seconds, int concurrency, int receiverMs) throws Exception {
    // The machine is shared: say how busy it was, since that moves the tail more than anything we do.
    String load = String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    Arrivals hook = new Arrivals();
    Arrivals sse = new Arrivals();
    Arrivals kafka = new Arrivals();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var pool = Executors.newFixedThreadPool(receiverMs > 0 ? 128 : 4);
    receiver.setExecutor(pool);
    receiver.createContext("/hook", exchange -> {
      String id = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      if (receiverMs > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(receiverMs * 1_000_000L);
      }
      if (id != null) {
        hook.seen(id);
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    int port = freePort();
    Path gcLog = Files.createTempFile("eurus-bench-gc", ".log");
    Path serviceLog = Files.createTempFile("eurus-bench-alerts", ".log");
    ProcessBuilder alertsCommand = new ProcessBuilder(javaBin(), "-Xmx256m", "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog, "-cp",
        classPath, "io.eurus.cli.Eurus", "alerts", "--bootstrap-servers", bootstrap, "--port", String.valueOf(port),
        "--ops-port", "0", "--set", "alerts.group.id=bench-" + UUID.randomUUID(), "--set", "dashboard.history.hours=1",
        "--set", "alerts.delivery.concurrency=" + concurrency)
        .redirectErrorStream(true).redirectOutput(serviceLog.toFile());
    alertsCommand.environment().put("EURUS_ALERTS_WEBHOOK_URL", hookUrl); // a secret: never on the command line
    Process alerts = alertsCommand.start();
    KafkaConsumer<String, Alert> kafkaReader = null;
    try (EventProducer producer = new EventProducer(KafkaClients.producerConfig(KafkaConnection.to(bootstrap), "bench"))) {
      awaitDashboard(port, serviceLog);
      Thread sseReader = startSse(port, sse);
      kafkaReader = startKafkaReader(bootstrap, kafka);
      String warm = "warm-" + UUID.randomUUID();
      publish(producer, warm);
      waitUntil(() -> hook.at.containsKey(Alert.idOf(warm, 1)) && sse.at.containsKey(Alert.idOf(warm, 1))
          && kafka.at.containsKey(Alert.idOf(warm, 1)), Duration.ofSeconds(60));

      // 1. Latency, one alert at a time; the page is open in a browser for this phase only (it shares the 2 cores).
      PageProbe page = PageProbe.available() ? new PageProbe("http://127.0.0.1:" + port + "/") : null;
      List<String> paced = new ArrayList<>();
      for (int i = 0; i < LATENCY_ALERTS; i++) {
        String key = "lat-" + UUID.randomUUID();
        paced.add(Alert.idOf(key, 1));
        publish(producer, key);
        Thread.sleep(LATENCY_GAP.toMillis());
      }
      waitUntil(() -> hook.at.keySet().containsAll(paced) && sse.at.keySet().containsAll(paced), Duration.ofSeconds(30));
      Map<String, Long> created = CREATED;
      List<Double> hookMs = latencies(paced, created, hook);
      List<Double> sseMs = latencies(paced, created, sse);
      List<Double> kafkaMs = latencies(paced, created, kafka);
      List<Double> postMs = barePosts(hookUrl, LATENCY_ALERTS);
      List<Double> pageMs = new ArrayList<>();
      if (page != null) {
        try (page) {
          Map<String, Long> onPage = page.seen();
          long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
          while (!onPage.keySet().containsAll(paced) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            onPage = page.seen();
          }
          Arrivals shown = new Arrivals();
          onPage.forEach((id, ms) -> shown.at.put(id, ms * 1000));
          pageMs = latencies(paced, created, shown);
        }
      }

      // 2. Fan-out at a sustained rate.
      List<String> burst = new ArrayList<>();
      long start = System.nanoTime();
      long startMicros = nowMicros();
      int total = rate * seconds;
      for (int i = 0; i < total; i++) {
        String key = "fan-" + UUID.randomUUID();
        burst.add(Alert.idOf(key, 1));
        producer.send(Topics.ALERTS, key, alert(key));
        long due = start + (long) ((i + 1) * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
          Thread.sleep(wait / 1_000_000);
        }
      }
      producer.flush();
      waitUntil(() -> hook.at.keySet().containsAll(burst) && sse.at.keySet().containsAll(burst), Duration.ofSeconds(120));
      double drained = (System.nanoTime() - start) / 1e9;
      int hookGot = (int) burst.stream().filter(hook.at::containsKey).count();
      int sseGot = (int) burst.stream().filter(sse.at::containsKey).count();
      // What the channel sustained: the alerts it took over the time from the first sent to the last it took.
      long lastHook = burst.stream().map(hook.at::get).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(startMicros);
      double hookPerSecond = hookGot / Math.max(1e-3, (lastHook - startMicros) / 1e6);
      long rss = rssMb(alerts.pid());
      sseReader.interrupt();
      int[] heap = heap(gcLog);
      return new Run(pct(hookMs, 50), pct(hookMs, 99), pct(sseMs, 50), pct(sseMs, 99), pct(pageMs, 50), pct(pageMs, 99), pct(kafkaMs, 50), pct(kafkaMs, 99),
          pct(postMs, 50), pct(postMs, 99), total, hookGot, sseGot, drained, hookPerSecond, heap[0], heap[1], rss, load);
    } finally {
      if (kafkaReader != null) {
        kafkaReader.wakeup();
      }
      alerts.destroy();
      alerts.waitFor();
      receiver.stop(0);
      pool.shutdownNow();
      Files.deleteIfExists(gcLog);
      CREATED.clear();
    }
  }

  private static final Map<String, Long> CREATED = new ConcurrentHashMap<>();

  private static void publish(EventProducer producer, String key) {
    producer.send(Topics.ALERTS, key, alert(key));
    producer.flush();
  }

  private static Alert alert(String key) {
    Instant now = Instant.now();
    CREATED.put(Alert.idOf(key, 1), now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
    ArticleRef article = new ArticleRef("a-" + key, "Council adopts new sanctions package", "https://news.example/" + key, "Bench Wire",
        "eu-institutions", now, "Council adopts new [[sanctions]] package against Russia");
    return Alert.builder()
        .id(Alert.idOf(key, 1))
        .key(key)
        .revision(1)
        .type(AlertType.RULE_MATCH)
        .severity(Severity.HIGH)
        .title("Sanctions: Council adopts new sanctions package")
        .summary("Rule 'Sanctions' matched an article from Bench Wire.")
        .at(now)
        .created(now)
        .bloc("eu-institutions")
        .rule(new RuleRef("sanctions", "Sanctions"))
        .articles(List.of(article))
        .build();
  }

  private static List<Double> latencies(List<String> ids, Map<String, Long> created, Arrivals arrivals) {
    List<Double> ms = new ArrayList<>();
    for (String id : ids) {
      Long sent = created.get(id);
      Long got = arrivals.at.get(id);
      if (sent != null && got != null) {
        ms.add((got - sent) / 1000.0);
      }
    }
    return ms;
  }

  /** The floor of any webhook delivery: one POST from this JVM to the same receiver. */
  private static List<Double> barePosts(String url, int count) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Double> ms = new ArrayList<>();
    byte[] body = Json.mapper().writeValueAsBytes(alert("post-" + UUID.randomUUID()));
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding());
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return ms;
  }

  private static Thread startSse(int port, Arrivals sse) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    InputStream stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream()).body();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String event = null;
        for (String line = lines.readLine(); line != null && !Thread.currentThread().isInterrupted(); line = lines.readLine()) {
          if (line.startsWith("event:")) {
            event = line.substring(6).strip();
          } else if (line.startsWith("data:") && "alert".equals(event)) {
            JsonNode alert = Json.mapper().readTree(line.substring(5));
            sse.seen(alert.path("id").asText());
          }
        }
      } catch (IOException e) {
        // the stream closed
      }
    }, "bench-sse");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** The baseline: a plain consumer of the same records, in this JVM. Stops when its consumer is woken up. */
  private static KafkaConsumer<String, Alert> startKafkaReader(String bootstrap, Arrivals kafka) {
    KafkaConsumer<String, Alert> consumer = KafkaClients.consumer(Topics.ALERTS,
        KafkaClients.consumerConfig(KafkaConnection.to(bootstrap), "bench-baseline-" + UUID.randomUUID(), "bench-baseline"));
    Thread reader = new Thread(() -> {
      try (consumer) {
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        while (true) {
          for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(200))) {
            kafka.seen(record.value().id());
          }
        }
      } catch (org.apache.kafka.common.errors.WakeupException e) {
        // stopped
      }
    }, "bench-kafka-baseline");
    reader.setDaemon(true);
    reader.start();
    return consumer;
  }

  private static void awaitDashboard(int port, Path serviceLog) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // A JVM starting Kafka clients on a shared 2-core machine at load 15 takes 30 s and more.
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(200);
    }
    List<String> log = Files.readAllLines(serviceLog);
    throw new IllegalStateException("the alerts service did not start within 180 s; its log ends:" + System.lineSeparator()
        + String.join(System.lineSeparator(), log.subList(Math.max(0, log.size() - 20), log.size())));
  }

  private static void waitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** The largest heap in use (before a collection) and the largest live set (after one), in MB, from the GC log. */
  private static int[] heap(Path gcLog) throws IOException {
    int max = 0;
    int live = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        max = Math.max(max, Integer.parseInt(m.group(1)));
        live = Math.max(live, Integer.parseInt(m.group(2)));
      }
    }
    return new int[] {max, live};
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static double pct(List<Double> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> field) {
    double[] values = runs.stream().mapToDouble(field).sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private AlertsDeliveryBench() {
  }
}
