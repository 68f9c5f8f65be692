package io.eurus.platform.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every problem found in one configuration file, each with the path of the value it is about
 * ({@code toneShift.cusum.h}, {@code channels.desk-mail.to}, {@code feed tass-en}), collected instead of thrown
 * so the operator fixes a file in one go. A {@code Problems} is a view at one path of the file; {@link #at} goes
 * deeper, sharing the same list.
 */
public final class Problems {

  private final List<String> found;
  private final String path;
  /** Whether {@link #path} is a name for people ({@code feed tass-en}), followed by ": " rather than ".". */
  private final boolean named;

  private Problems(List<String> found, String path, boolean named) {
    this.found = found;
    this.path = path;
    this.named = named;
  }

  /** An empty list of problems, at the root of a file. */
  public static Problems root() {
    return new Problems(new ArrayList<>(), "", false);
  }

  /** The same problems, at {@code key} below this path. */
  public Problems at(String key) {
    return new Problems(found, path.isEmpty() ? key : path + (named ? ": " : ".") + key, false);
  }

  /** The same problems, at item {@code index} of the list at this path. */
  public Problems item(int index) {
    return new Problems(found, path + "[" + index + "]", false);
  }

  /** The same problems, at a place named for people ({@code feed tass-en}) instead of by its path. */
  public Problems named(String name) {
    return new Problems(found, name, true);
  }

  /** A problem with the value at this path. */
  public void add(String message) {
    found.add(path.isEmpty() ? message : path + ": " + message);
  }

  /** A problem with the value at {@code key} below this path. */
  public void add(String key, String message) {
    at(key).add(message);
  }

  /** Adds {@code message} unless {@code ok}; returns {@code ok}. */
  public boolean check(boolean ok, String key, String message) {
    if (!ok) {
      add(key, message);
    }
    return ok;
  }

  /** A number from {@code min} to {@code max} (when set: null means the default). */
  public void range(String key, Number value, double min, double max) {
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
      add(key, (value instanceof Integer || value instanceof Long ? "must be a whole number from " : "must be a number from ")
          + show(min) + " to " + show(max) + " (was " + value + ")");
    }
  }

  /** Problems found elsewhere, already carrying their paths. */
  public void addAll(Collection<String> messages) {
    found.addAll(messages);
  }

  /** Whether no problem was found at this path or below it (in the whole file, at the root). */
  public boolean isEmpty() {
    return found.stream().noneMatch(problem -> path.isEmpty() || problem.startsWith(path + ": ")
        || (!named && (problem.startsWith(path + ".") || problem.startsWith(path + "["))));
  }

  public List<String> list() {
    return List.copyOf(found);
  }

  private static String show(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
  }
}
