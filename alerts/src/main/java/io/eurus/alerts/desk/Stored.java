package io.eurus.alerts.desk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for Kafka to store what the desk did (an acknowledgement, a mute): the dashboard shows it only once the broker
 * has it, so that what the desk sees survives a restart and every instance sees it too.
 */
final class Stored {

  /** Kafka did not store it; the message says why, in one line. */
  static final class NotStored extends Exception {
    NotStored(String message) {
      super(message);
    }
  }

  private Stored() {
  }

  /** @param what what was sent, for the message: "the acknowledgement" */
  static void await(Future<?> sent, String what) throws NotStored {
    try {
      sent.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotStored("interrupted while storing " + what);
    } catch (ExecutionException | TimeoutException e) {
      throw new NotStored("Kafka did not store " + what + ": " + (e.getCause() == null ? e : e.getCause().getMessage()));
    }
  }
}
