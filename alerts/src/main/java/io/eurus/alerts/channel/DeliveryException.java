package io.eurus.alerts.channel;

/** A delivery that did not succeed, with a one-line reason (never the URL or a password: they may be secrets). */
public final class DeliveryException extends Exception {

  public DeliveryException(String reason) {
    super(reason);
  }
}
