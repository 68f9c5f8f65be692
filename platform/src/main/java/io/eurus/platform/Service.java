package io.eurus.platform;

/**
 * One long-running part of Eurus (ingest, processor, alerts, the demo feed server). The command starts
 * services in order and closes them in reverse order, on Ctrl-C too.
 */
public interface Service extends AutoCloseable {

  /** A short name for logs and health, e.g. {@code ingest}. */
  String name();

  /** Starts background work and returns; throws {@link StartupException} for a problem the operator can fix. */
  void start();

  /** Whether the service is doing its job; shown at {@code /health}. */
  boolean healthy();

  /** Stops background work, waiting a bounded time; must not throw. */
  @Override
  void close();
}
