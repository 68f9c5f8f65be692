package io.eurus.ingest.fetch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most N requests in flight per host, whatever the number of feeds on it: the rest wait in line
 * (without holding a thread) and start as earlier ones finish. Politeness towards sites that serve many
 * of our feeds, and a bound on the connections we open.
 */
public final class HostLimiter {

  private final int perHost;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  public HostLimiter(int perHost) {
    this.perHost = perHost;
  }

  /** Runs {@code request} when the host has a free slot; the slot is held until its future completes. */
  public <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> request) {
    CompletableFuture<T> result = new CompletableFuture<>();
    hosts.computeIfAbsent(host == null ? "" : host, h -> new Host()).enqueue(() -> {
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

  /** Requests in flight to {@code host} now (for tests and metrics). */
  int active(String host) {
    Host h = hosts.get(host);
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
