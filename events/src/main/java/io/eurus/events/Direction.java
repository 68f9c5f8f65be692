package io.eurus.events;

/** Which way a tone alert moved: towards conflict or towards cooperation. */
public enum Direction {
  NEGATIVE, POSITIVE
}
