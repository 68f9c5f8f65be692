package io.eurus.ingest.fetch;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Politeness per host, whatever the number of feeds on it: at most N requests in flight (the rest wait in
 * line, without holding a thread, and start as earlier ones finish), and a pause when the host asked for one
 * (429/503 with Retry-After tells us to stop, not just to stop asking for that one feed).
 */
public final class HostLimiter {

  private final int perHost;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

  public HostLimiter(int perHost) {
    this.perHost = perHost;
  }

  /** Runs {@code request} when the host has a free slot; the slot is held until its future completes. */
  public <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> request) {
    CompletableFuture<T> result = new CompletableFuture<>();
    hosts.computeIfAbsent(key(host), h -> new Host()).enqueue(() -> {
      CompletableFuture<T> started;
      try {
        started = request.get();
      } catch (RuntimeException e) {
        started = CompletableFuture.failedFuture(e);
      }
      return started.whenComplete((value, error) -> {
        if (error == null) {
          result.complete(value);
        } else {
          result.completeExceptionally(error);
        }
      });
    });
    return result;
  }

  /** The host asked to be left alone until {@code until}. */
  public void pause(String host, Instant until) {
    pausedUntil.merge(key(host), until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Until when the host asked to be left alone; null when it may be asked now. */
  public Instant pausedUntil(String host, Instant now) {
    Instant until = pausedUntil.get(key(host));
    if (until != null && !until.isAfter(now)) {
      pausedUntil.remove(key(host), until);
      return null;
    }
    return until;
  }

  private static String key(String host) {
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }

  /** Requests in flight to {@code host} now (for tests and metrics). */
  int active(String host) {
    Host h = hosts.get(key(host));
    return h == null ? 0 : h.active();
  }

  private final class Host {
    private final Deque<Supplier<CompletableFuture<?>>> waiting = new ArrayDeque<>();
    private int active;

    void enqueue(Supplier<CompletableFuture<?>> request) {
      synchronized (this) {
        if (active >= perHost) {
          waiting.add(request);
          return;
        }
        active++;
      }
      start(request);
    }

    private void start(Supplier<CompletableFuture<?>> request) {
      request.get().whenComplete((value, error) -> finished());
    }

    private void finished() {
      Supplier<CompletableFuture<?>> next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          active--;
          return;
        }
      }
      start(next);
    }

    synchronized int active() {
      return active;
    }
  }
}
