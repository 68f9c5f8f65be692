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

  private Stored() {
  }

  /** @param what what was sent, for the message: "the acknowledgement" */
  static void await(Future<?> sent, String what) throws DeskRefusal {
    try {
      sent.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeskRefusal(DeskRefusal.Reason.NOT_STORED, "interrupted while storing " + what);
    } catch (ExecutionException | TimeoutException e) {
      throw new DeskRefusal(DeskRefusal.Reason.NOT_STORED,
          "Kafka did not store " + what + ": " + (e.getCause() == null ? e : e.getCause().getMessage()));
    }
  }
}
