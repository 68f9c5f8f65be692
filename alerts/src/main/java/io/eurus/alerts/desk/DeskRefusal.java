package io.eurus.alerts.desk;

/**
 * Why something the desk did (an acknowledgement, a mute, a lifted mute) was not done: the message says why in one
 * line, and the reason tells the dashboard how to answer.
 */
public final class DeskRefusal extends Exception {

  /** What went wrong, from the request's point of view. */
  public enum Reason {
    /** The alert named in the request's path is not a recent alert. */
    UNKNOWN,
    /** The request asks for something that cannot be done (a mute of no length, of a story no alert names). */
    INVALID,
    /** Kafka did not store it; trying again later may work. */
    NOT_STORED
  }

  private final Reason reason;

  DeskRefusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
