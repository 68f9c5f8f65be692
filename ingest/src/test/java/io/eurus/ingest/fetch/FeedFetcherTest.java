package io.eurus.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.ingest.testing.LocalHttpServer;
import io.eurus.ingest.testing.Rss;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTP server: conditional GET, gzip, redirects, deadlines, caps, Retry-After, per-host limit. */
class FeedFetcherTest {

  private static final String RSS = Rss.of(new Rss.Item("g1", "Title", "Text"));
  private static final String USER_AGENT = "EurusTest/1.0 (+https://example.org/eurus)";

  private LocalHttpServer server;
  private FeedFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = new LocalHttpServer();
    fetcher = fetcher(Duration.ofSeconds(2), 1024 * 1024, 2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static FeedFetcher fetcher(Duration timeout, long maxBytes, int perHost) {
    return new FeedFetcher(new FeedFetcher.Options(USER_AGENT, timeout, maxBytes, 5, perHost), ProxySelector.of(null));
  }

  private FetchResult fetch(String path, Validators validators) {
    return fetcher.fetch(URI.create(server.url(path)), validators).join();
  }

  @Test
  void unchangedFeedAnswers304ToTheValidatorsOfTheFirstResponseAndNoBodyIsRead() {
    server.route("/feed", exchange -> {
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      exchange.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT");
      boolean fresh = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
      LocalHttpServer.respond(exchange, fresh ? 304 : 200, "application/rss+xml", fresh ? "" : RSS);
    });

    FetchResult first = fetch("/feed", Validators.NONE);
    FetchResult.Fetched fetched = (FetchResult.Fetched) first;
    FetchResult second = fetch("/feed", new Validators(fetched.etag(), fetched.lastModified()));

    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(server.requests()).extracting(LocalHttpServer.Request::ifNoneMatch).containsExactly(null, "\"v1\"");
    assertThat(server.requests().get(1).ifModifiedSince()).isEqualTo("Tue, 24 Nov 2026 08:00:00 GMT");
    assertThat(server.requests()).allSatisfy(r -> {
      assertThat(r.userAgent()).isEqualTo(USER_AGENT);
      assertThat(r.acceptEncoding()).isEqualTo("gzip");
    });
  }

  @Test
  void gzipBodyIsDecompressed() {
    server.route("/gz", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      LocalHttpServer.respond(exchange, 200, "application/rss+xml", gzip(RSS.getBytes(StandardCharsets.UTF_8)));
    });

    FetchResult result = fetch("/gz", Validators.NONE);

    assertThat(new String(((FetchResult.Fetched) result).body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
  }

  @Test
  void redirectIsFollowedAndALoopIsReportedInOneLine() {
    server.route("/moved", exchange -> redirect(exchange, "/feed"));
    server.route("/feed", exchange -> LocalHttpServer.respond(exchange, 200, "application/rss+xml", RSS));
    server.route("/a", exchange -> redirect(exchange, "/b"));
    server.route("/b", exchange -> redirect(exchange, "/a"));

    FetchResult moved = fetch("/moved", Validators.NONE);
    FetchResult loop = fetch("/a", Validators.NONE);

    assertThat(((FetchResult.Fetched) moved).finalUrl().getPath()).isEqualTo("/feed");
    assertThat(loop).isEqualTo(new FetchResult.Failed("redirect loop at " + server.url("/a")));
    assertThat(server.requests()).filteredOn(r -> r.path().equals("/a")).hasSize(1);
  }

  @Test
  void tooManyRedirectsStopAtTheLimit() {
    server.route("/hop/", exchange -> {
      int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
      redirect(exchange, "/hop/" + (n + 1));
    });

    FetchResult result = fetch("/hop/0", Validators.NONE);

    assertThat(result).isEqualTo(new FetchResult.Failed("too many redirects (more than 5)"));
    assertThat(server.requests()).hasSize(6);
  }

  @Test
  void bodyDrippingSlowerThanTheDeadlineIsCutOff() {
    server.route("/drip", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 60; i++) {
          out.write('<');
          out.flush();
          Thread.sleep(250);
        }
      } catch (IOException | InterruptedException e) {
        // the client hung up: what we want
      }
    });
    long began = System.nanoTime();

    FetchResult result = fetch("/drip", Validators.NONE);

    assertThat(result).isEqualTo(new FetchResult.Failed("no complete response within 2 s"));
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void tooManyRequestsAndUnavailableCarryTheirRetryAfter() {
    server.route("/busy", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "120");
      LocalHttpServer.respond(exchange, 429, "text/plain", "slow down");
    });
    server.route("/down", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "Tue, 24 Nov 2099 08:00:00 GMT");
      LocalHttpServer.respond(exchange, 503, "text/plain", "maintenance");
    });

    FetchResult busy = fetch("/busy", Validators.NONE);
    FetchResult down = fetcher.fetch(URI.create(server.url("/down").replace("127.0.0.1", "localhost")), Validators.NONE).join();

    assertThat(busy).isEqualTo(new FetchResult.Failed("HTTP 429 Too Many Requests, retry after 120 s", Duration.ofSeconds(120)));
    assertThat(((FetchResult.Failed) down).retryAfter()).as("capped at a day").isEqualTo(Duration.ofDays(1));
  }

  @Test
  void retryAfterPausesEveryFeedOfThatHostButNoOtherHost() {
    server.route("/busy", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "120");
      LocalHttpServer.respond(exchange, 429, "text/plain", "slow down");
    });
    server.route("/other", exchange -> LocalHttpServer.respond(exchange, 200, "application/rss+xml", RSS));

    fetch("/busy", Validators.NONE);
    FetchResult sameHost = fetch("/other", Validators.NONE);
    FetchResult otherHost = fetcher.fetch(URI.create(server.url("/other").replace("127.0.0.1", "localhost")), Validators.NONE).join();

    assertThat(sameHost).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
      assertThat(failed.reason()).matches("host 127\\.0\\.0\\.1 asked for a pause \\(Retry-After\\): nothing is sent to it for another 1[12]\\d s");
      assertThat(failed.retryAfter()).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    });
    assertThat(otherHost).isInstanceOf(FetchResult.Fetched.class);
    assertThat(server.requests()).extracting(LocalHttpServer.Request::path).containsExactly("/busy", "/other");
  }

  @Test
  void requestsQueuedForAHostBeforeItsRetryAfterAreNotSent() {
    server.route("/busy", exchange -> {
      exchange.getResponseHeaders().set("Retry-After", "60");
      LocalHttpServer.respond(exchange, 503, "text/plain", "maintenance");
    });
    FeedFetcher oneAtATime = fetcher(Duration.ofSeconds(2), 1024 * 1024, 1);

    List<CompletableFuture<FetchResult>> queued = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      queued.add(oneAtATime.fetch(URI.create(server.url("/busy")), Validators.NONE));
    }
    queued.forEach(CompletableFuture::join);

    assertThat(server.requests()).hasSize(1);
    assertThat(queued.subList(1, 5)).allSatisfy(f -> assertThat(((FetchResult.Failed) f.join()).reason()).startsWith("host 127.0.0.1 asked"));
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-24T08:00:00Z");

    assertThat(io.eurus.platform.retry.Backoff.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(io.eurus.platform.retry.Backoff.retryAfter("Tue, 24 Nov 2026 08:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
    assertThat(io.eurus.platform.retry.Backoff.retryAfter("soon", now)).isNull();
    assertThat(io.eurus.platform.retry.Backoff.retryAfter(null, now)).isNull();
  }

  @Test
  void errorStatusesAndRefusedConnectionsAreOneLineReasons() throws IOException {
    server.route("/gone", exchange -> LocalHttpServer.respond(exchange, 404, "text/plain", "no"));
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThat(fetch("/gone", Validators.NONE)).isEqualTo(new FetchResult.Failed("HTTP 404 Not Found"));
    assertThat(fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed"), Validators.NONE).join())
        .isEqualTo(new FetchResult.Failed("connection refused"));
  }

  @Test
  void gzipBombStopsAtTheCapAfterDecompression() {
    byte[] zeros = new byte[8 * 1024 * 1024];
    byte[] bomb = gzip(zeros);
    server.route("/bomb", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      LocalHttpServer.respond(exchange, 200, "application/rss+xml", bomb);
    });

    FetchResult result = fetch("/bomb", Validators.NONE);

    assertThat(bomb.length).isLessThan(1024 * 1024);
    assertThat(result).isEqualTo(new FetchResult.Failed("response larger than 1 MB (the cap); stopped reading"));
  }

  @Test
  void atMostTheConfiguredNumberOfRequestsRunAtOnceAgainstOneHost() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    server.route("/slow", exchange -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      LocalHttpServer.respond(exchange, 200, "application/rss+xml", RSS);
    });

    List<CompletableFuture<FetchResult>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(fetcher.fetch(URI.create(server.url("/slow")), Validators.NONE));
    }
    all.forEach(CompletableFuture::join);

    assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchResult.Fetched.class));
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void feedIsFetchedThroughTheProxyNamedByHttpProxyInTheEnvironment() {
    AtomicReference<String> asked = new AtomicReference<>();
    server.route("/", exchange -> {
      asked.set(exchange.getRequestURI() + " Host: " + exchange.getRequestHeaders().getFirst("Host"));
      LocalHttpServer.respond(exchange, 200, "application/rss+xml", RSS);
    });
    String proxy = server.url("");
    FeedFetcher proxied = new FeedFetcher(new FeedFetcher.Options(USER_AGENT, Duration.ofSeconds(2), 1024 * 1024, 5, 2),
        EnvProxySelector.fromEnvironment(Map.of("http_proxy", proxy, "no_proxy", "localhost")));

    FetchResult result = proxied.fetch(URI.create("http://feeds.example.invalid/rss"), Validators.NONE).join();

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(asked.get()).as("the proxy got the absolute URL").isEqualTo("http://feeds.example.invalid/rss Host: feeds.example.invalid");
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
    exchange.getResponseHeaders().set("Location", to);
    exchange.sendResponseHeaders(302, -1);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
