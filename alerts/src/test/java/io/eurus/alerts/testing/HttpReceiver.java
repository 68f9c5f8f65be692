package io.eurus.alerts.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server that records every POST (headers and body) and answers as a test tells it: 204, or a
 * failure status for the first N requests, or always.
 */
public final class HttpReceiver implements AutoCloseable {

  /** One request as received. */
  public record Request(Map<String, List<String>> headers, byte[] bytes, long receivedNanos) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Request> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicReference<Integer> failStatus = new AtomicReference<>(503);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile String retryAfter;
  private volatile long answerAfterMillis;
  private volatile boolean alwaysFail;
  private volatile String refusedKeys;

  public HttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.createContext("/hook", exchange -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Request request;
        try (InputStream in = exchange.getRequestBody()) {
          request = new Request(Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes(), System.nanoTime());
        }
        requests.add(request);
        if (answerAfterMillis > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(answerAfterMillis * 1_000_000); // a slow receiver, as told
        }
        String key = request.header("Idempotency-Key");
        boolean refused = refusedKeys != null && key != null && key.startsWith(refusedKeys);
        boolean fail = alwaysFail || refused || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (!fail) {
          accepted.add(request);
        } else if (retryAfter != null) {
          exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(fail ? failStatus.get() : 204, -1);
        exchange.close();
      } finally {
        inFlight.decrementAndGet();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next {@code n} requests fail (HTTP 503 unless {@link #failWith} says otherwise). */
  public HttpReceiver failFirst(int n) {
    failuresLeft.set(n);
    return this;
  }

  public HttpReceiver failAlways(boolean fail) {
    alwaysFail = fail;
    return this;
  }

  /** Requests whose idempotency key starts with {@code keyPrefix} fail until this is called with null. */
  public HttpReceiver refuse(String keyPrefix) {
    refusedKeys = keyPrefix;
    return this;
  }

  /** Failures answer with {@code status} (503 unless told) and, when not null, this Retry-After header. */
  public HttpReceiver failWith(int status, String retryAfterHeader) {
    failStatus.set(status);
    retryAfter = retryAfterHeader;
    return this;
  }

  /** Each answer comes this long after the request: a slow receiver. */
  public HttpReceiver answerAfter(java.time.Duration delay) {
    answerAfterMillis = delay.toMillis();
    return this;
  }

  /** The most requests that were ever being answered at the same time. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** Every request, failed ones included. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests answered with success. */
  public List<Request> accepted() {
    return List.copyOf(accepted);
  }

  public List<Request> acceptedWithKey(String idempotencyKeyPrefix) {
    return accepted.stream().filter(r -> r.header("Idempotency-Key") != null && r.header("Idempotency-Key").startsWith(idempotencyKeyPrefix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
