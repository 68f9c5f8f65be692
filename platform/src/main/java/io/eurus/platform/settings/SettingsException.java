package io.eurus.platform.settings;

import io.eurus.platform.StartupException;
import java.util.List;

/** Every problem found in the settings at once, one line each, so the operator fixes them in one go. */
public final class SettingsException extends StartupException {

  private final List<String> problems;

  public SettingsException(List<String> problems) {
    this("invalid settings", problems);
  }

  /** Problems under a headline naming what holds them: {@code routing file x.yaml has 2 problems}. */
  public SettingsException(String headline, List<String> problems) {
    super(headline + ":" + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** What a start-up failure says, one problem a line: its problems, or its message when it is a single problem. */
  public static List<String> problemsOf(StartupException failure) {
    return failure instanceof SettingsException settings ? settings.problems() : List.of(failure.getMessage());
  }
}
