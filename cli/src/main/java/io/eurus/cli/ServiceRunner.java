package io.eurus.cli;

import io.eurus.platform.Service;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.ops.OpsServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts resources and services in order and stops them in reverse order: on Ctrl-C, on a failed start,
 * or when a test closes it. Nothing is left running.
 */
final class ServiceRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private final Ops ops = new Ops();
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  Ops ops() {
    return ops;
  }

  /** Takes ownership of something already running (the broker), to close it last. */
  <T extends AutoCloseable> T own(T resource) {
    started.push(resource);
    return resource;
  }

  /** Starts a service; on failure, stops everything started so far and rethrows. */
  <T extends Service> T start(T service) {
    try {
      service.start();
    } catch (RuntimeException e) {
      service.close();
      close();
      throw e;
    }
    started.push(service);
    ops.watch(service);
    return service;
  }

  void startOpsServer(int port) {
    if (port == 0) {
      return;
    }
    try {
      own(OpsServer.start(ops, port));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Blocks until Ctrl-C (or SIGTERM), then stops everything. */
  void awaitShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping…");
      close();
      stopped.countDown();
    }, "eurus-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
      try {
        next.close();
      } catch (Exception e) {
        LOG.warn("while stopping {}: {}", next, e.toString());
      }
    }
  }
}
