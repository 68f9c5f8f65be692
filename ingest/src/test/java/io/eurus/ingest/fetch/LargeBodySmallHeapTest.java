package io.eurus.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.ingest.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 50 MB body against the default 10 MB cap, in a JVM with a 256 MB heap (this class runs in its own
 * Surefire execution with -Xmx256m, see ingest/pom.xml): reading stops at the cap, the body never reaches
 * the parser, the heap survives, and the server sees the connection closed long before its 50 MB are out.
 */
class LargeBodySmallHeapTest {

  private static final long FIFTY_MB = 50L * 1024 * 1024;
  private static final long CAP = 10L * 1024 * 1024;

  private LocalHttpServer server;
  private final AtomicLong written = new AtomicLong();
  private final FeedFetcher fetcher = new FeedFetcher(
      new FeedFetcher.Options("EurusTest/1.0", Duration.ofSeconds(30), CAP, 5, 2), ProxySelector.of(null));

  @BeforeEach
  void start() throws IOException {
    server = new LocalHttpServer();
    server.route("/endless", exchange -> stream(exchange, 0));
    server.route("/declared", exchange -> stream(exchange, FIFTY_MB));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void stream(com.sun.net.httpserver.HttpExchange exchange, long declaredLength) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
    exchange.sendResponseHeaders(200, declaredLength);
    byte[] chunk = "<item><title>x</title></item>".repeat(2048).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      while (written.get() < FIFTY_MB) {
        out.write(chunk);
        written.addAndGet(chunk.length);
      }
    } catch (IOException e) {
      // the client closed the connection at the cap
    }
  }

  @Test
  void fiftyMegabyteBodyIsCutOffAtTheCapWithinASmallHeap() {
    assertThat(Runtime.getRuntime().maxMemory()).as("this test runs with -Xmx256m").isLessThanOrEqualTo(256L * 1024 * 1024);

    FetchResult result = fetcher.fetch(URI.create(server.url("/endless")), Validators.NONE).join();

    assertThat(result).isEqualTo(new FetchResult.Failed("response larger than 10 MB (the cap); stopped reading"));
    assertThat(written.get()).as("bytes the server got out before we hung up").isLessThan(FIFTY_MB);
  }

  @Test
  void declaredFiftyMegabyteBodyIsRefusedBeforeReading() {
    FetchResult result = fetcher.fetch(URI.create(server.url("/declared")), Validators.NONE).join();

    assertThat(result).isEqualTo(new FetchResult.Failed("response larger than 10 MB (the cap); stopped reading"));
    assertThat(written.get()).isLessThan(CAP);
  }
}
