package io.eurus.platform;

/**
 * A problem the operator can fix (a wrong address, a taken port, a bad setting), with a message that
 * names the input and the reason in plain words. The command prints the message alone, no stack trace.
 */
public class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
