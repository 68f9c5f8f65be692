package io.eurus.platform.config;

/**
 * A configuration record that checks what the types alone cannot (ranges, references between sections), adding
 * every problem it finds rather than stopping at the first.
 */
public interface Validated {

  /** Adds each problem of this value, at paths below {@code at}. */
  void validate(Problems at);
}
