package io.eurus.events;

/** How urgently the desk should look; ordered from least to most urgent. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL
}
