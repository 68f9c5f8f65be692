package io.eurus.platform.settings;

import io.eurus.platform.StartupException;
import java.util.List;

/** Every problem found in the settings at once, one line each, so the operator fixes them in one go. */
public final class SettingsException extends StartupException {

  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super("invalid settings:" + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
