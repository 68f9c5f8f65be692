package io.eurus.tools.bench;

import io.eurus.events.FeedDefinition;
import io.eurus.ingest.IngestService;
import io.eurus.ingest.IngestSettings;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.SettingsLoader;
import io.micrometer.core.instrument.Counter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls per second of one ingest instance against a local server with many feeds, most answering 304,
 * beside a bare HTTP GET loop on the same server in the same run. The broker and the feed server run as
 * child processes, so the heap measured is ingest's own; run this JVM with the heap to prove (-Xmx256m).
 *
 * <pre>java -Xmx256m -cp cli/target/eurus.jar io.eurus.tools.bench.IngestPollBench [FEEDS] [SECONDS]</pre>
 */
public final class IngestPollBench {

  private static final int HOSTS = 20;
  private static final double CHANGED = 0.10;
  private static final int ITEMS = 15;
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  private IngestPollBench() {
  }

  public static void main(String[] args) throws Exception {
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    Process broker = child(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath, BenchBroker.class.getName(), "6");
    Process server = child(java, "-Xmx512m", "-cp", classpath, BenchFeedServer.class.getName(),
        String.valueOf(feeds), String.valueOf(CHANGED), String.valueOf(ITEMS));
    try {
      String bootstrap = readValue(broker, "bootstrap=");
      int port = Integer.parseInt(readValue(server, "port="));
      List<URI> urls = new ArrayList<>();
      for (int i = 0; i < feeds; i++) {
        urls.add(URI.create("http://127.0.0." + (1 + i % HOSTS) + ":" + port + "/feed/" + i));
      }
      IngestSettings settings = new IngestSettings(SettingsLoader.load(IngestSettings.DEF, Map.of(), Map.of(
          "kafka.bootstrap.servers", bootstrap, IngestSettings.GROUP_ID, "bench-" + UUID.randomUUID())));
      int concurrency = HOSTS * settings.getInt(IngestSettings.MAX_REQUESTS_PER_HOST);
      System.out.printf("feeds %d on %d hosts, %d%% changed per request, %d items per feed, poll interval %d s, %d requests in flight%n",
          feeds, HOSTS, Math.round(CHANGED * 100), ITEMS, INTERVAL.toSeconds(), concurrency);

      double bare = bareGetLoop(urls, concurrency, Duration.ofSeconds(Math.max(10, seconds / 3)));
      System.out.printf("baseline  bare HTTP GET loop (JDK HttpClient, conditional GET, %d in flight): %.0f requests/s%n", concurrency, bare);

      measureIngest(settings, urls, seconds);
    } finally {
      broker.getOutputStream().close();
      broker.waitFor(20, TimeUnit.SECONDS);
      broker.destroyForcibly();
      server.destroyForcibly();
    }
  }

  private static void measureIngest(IngestSettings settings, List<URI> urls, int seconds) throws InterruptedException {
    List<FeedDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      definitions.add(new FeedDefinition(FeedDefinition.SCHEMA_VERSION, "bench-" + i, urls.get(i).toString(), "Bench " + i,
          "eu-media", "en", INTERVAL, false));
    }
    Ops ops = new Ops();
    IngestService ingest = new IngestService(settings, definitions, ops, Clock.systemUTC());
    long began = System.nanoTime();
    ingest.start();
    try {
      // Warm-up: every feed's first poll (a full document, every item new) and a few rounds after it.
      while (count(ops, "modified") + count(ops, "not_modified") + count(ops, "failed") < 3L * urls.size()) {
        Thread.sleep(500);
      }
      System.out.printf("warm-up   first polls of all feeds and two more rounds done after %.0f s (%.0f articles published)%n",
          (System.nanoTime() - began) / 1e9, count(ops, "articles"));
      var memory = ManagementFactory.getMemoryMXBean();
      long gcBefore = gcMillis();
      double[] start = {count(ops, "modified"), count(ops, "not_modified"), count(ops, "failed")};
      long windowStart = System.nanoTime();
      long peak = 0;
      while (System.nanoTime() - windowStart < TimeUnit.SECONDS.toNanos(seconds)) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        Thread.sleep(100);
      }
      double elapsed = (System.nanoTime() - windowStart) / 1e9;
      double modified = count(ops, "modified") - start[0];
      double notModified = count(ops, "not_modified") - start[1];
      double failed = count(ops, "failed") - start[2];
      long gc = gcMillis() - gcBefore;
      System.gc();
      long live = memory.getHeapMemoryUsage().getUsed();
      System.out.printf("ingest    %.0f polls/s over %.0f s (%.0f%% 304, %.0f%% 200, %.0f failed)%n", (modified + notModified + failed) / elapsed,
          elapsed, 100 * notModified / (modified + notModified + failed), 100 * modified / (modified + notModified + failed), failed);
      System.out.printf("heap      max %d MB (-Xmx), peak used %d MB, live after GC %d MB, GC %.1f%% of the time%n",
          Runtime.getRuntime().maxMemory() >> 20, peak >> 20, live >> 20, 100.0 * gc / (elapsed * 1000));
    } finally {
      ingest.close();
    }
  }

  /** The baseline: as many conditional GETs as the same concurrency allows, nothing else. */
  private static double bareGetLoop(List<URI> urls, int concurrency, Duration duration) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<URI, String> etags = new ConcurrentHashMap<>();
    Semaphore slots = new Semaphore(concurrency);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    long warm = System.nanoTime() + duration.toNanos() / 4;
    long counted = 0;
    long countedSince = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      if (countedSince == 0 && System.nanoTime() > warm) {
        counted = done.get();
        countedSince = System.nanoTime();
      }
      URI url = urls.get(i % urls.size());
      HttpRequest.Builder request = HttpRequest.newBuilder(url).header("User-Agent", "bench");
      String etag = etags.get(url);
      if (etag != null) {
        request.header("If-None-Match", etag);
      }
      slots.acquire();
      http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
        if (response != null) {
          response.headers().firstValue("ETag").ifPresent(value -> etags.put(url, value));
        }
        done.incrementAndGet();
        slots.release();
      });
    }
    slots.acquire(concurrency);
    return (done.get() - counted) / ((System.nanoTime() - countedSince) / 1e9);
  }

  private static double count(Ops ops, String what) {
    if (what.equals("articles")) {
      return ops.registry().get("eurus_ingest_articles_published").counter().count();
    }
    Counter counter = ops.registry().find("eurus_ingest_polls").tag("result", what).counter();
    return counter == null ? 0 : counter.count();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static Process child(String... command) throws Exception {
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String readValue(Process process, String prefix) throws Exception {
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    throw new IllegalStateException("child process ended before printing " + prefix);
  }
}
